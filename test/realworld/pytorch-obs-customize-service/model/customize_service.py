# Garbage sorting model for the PyTorch engine (weights in model/best.pth).
import os
import torch
from PIL import Image
from torchvision import transforms
from model_service.pytorch_model_service import PTServingBaseService

CLASSES = ['recyclable', 'kitchen', 'hazardous', 'other']


class SortingService(PTServingBaseService):
    def __init__(self, model_name, model_path):
        super().__init__(model_name, model_path)
        self.net = torch.jit.load(os.path.join(os.path.dirname(model_path), 'best.pth'), map_location='cpu').eval()
        self.tf = transforms.Compose([transforms.Resize(224), transforms.ToTensor()])

    def _preprocess(self, data):
        for _, files in data.items():
            for _, f in files.items():
                return self.tf(Image.open(f).convert('RGB')).unsqueeze(0)

    def _inference(self, data):
        with torch.no_grad():
            return torch.softmax(self.net(data), dim=1)[0]

    def _postprocess(self, data):
        i = int(data.argmax())
        return {'label': CLASSES[i], 'confidence': float(data[i])}
