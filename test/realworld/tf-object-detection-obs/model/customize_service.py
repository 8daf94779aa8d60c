# Inference code for the TensorFlow engine: ModelArts loads this class from model/customize_service.py.
from PIL import Image
import numpy as np
from model_service.tfserving_model_service import TfServingBaseService


class FruitDetector(TfServingBaseService):
    def _preprocess(self, data):
        batch = {}
        for _, files in data.items():
            for _, f in files.items():
                img = Image.open(f).convert('RGB').resize((320, 320))
                batch['images'] = np.asarray(img, dtype=np.float32)[np.newaxis, ...]
        return batch

    def _postprocess(self, data):
        return {
            'detection_classes': [str(c) for c in data.get('classes', [])],
            'detection_boxes': data.get('boxes', []),
            'detection_scores': data.get('scores', []),
        }
