# Vehicle detector for the PyTorch engine; yolo.pt sits beside this file.
import os
import torch
from PIL import Image
from model_service.pytorch_model_service import PTServingBaseService


class VehicleService(PTServingBaseService):
    def __init__(self, model_name, model_path):
        super().__init__(model_name, model_path)
        self.net = torch.jit.load(os.path.join(os.path.dirname(model_path), 'yolo.pt')).eval()

    def _preprocess(self, data):
        for _, files in data.items():
            for _, f in files.items():
                return Image.open(f).convert('RGB')

    def _postprocess(self, data):
        return {'boxes': [[float(v) for v in b[:4]] for b in data]}
