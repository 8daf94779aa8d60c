# Caffe classifier: deploy.prototxt and weights.caffemodel sit beside this file.
from model_service.caffe_model_service import CaffeBaseService


class SceneService(CaffeBaseService):
    def _postprocess(self, data):
        return {'top1': str(data['prob'][0].argmax())}
