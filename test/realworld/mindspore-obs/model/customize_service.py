# Handwritten digits with MindSpore (LeNet checkpoint beside this file).
import numpy as np
from PIL import Image
from model_service.model_service import SingleNodeService


class DigitService(SingleNodeService):
    def _preprocess(self, data):
        for _, files in data.items():
            for _, f in files.items():
                return np.asarray(Image.open(f).convert('L').resize((32, 32)), dtype=np.float32)[None, None] / 255.0

    def _postprocess(self, data):
        return {'digit': int(np.argmax(data))}
