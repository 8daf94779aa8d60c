# Digit reader for the TensorFlow engine.
from model_service.tfserving_model_service import TfServingBaseService


class DigitReader(TfServingBaseService):
    def _postprocess(self, data):
        return {'digits': [str(int(d)) for d in data['digits']]}
