# Flower classifier served by the built-in TensorFlow engine.
from model_service.tfserving_model_service import TfServingBaseService


class FlowerService(TfServingBaseService):
    def _postprocess(self, data):
        probs = data['probabilities'][0]
        labels = ['rose', 'tulip', 'daisy']
        ranked = sorted(zip(labels, probs), key=lambda p: -p[1])
        return {'predicted_label': ranked[0][0], 'scores': [[l, float(p)] for l, p in ranked]}
