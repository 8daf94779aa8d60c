# Churn model for the Scikit_Learn engine: model.pkl is loaded by the engine itself.
from model_service.python_model_service import XgSklServingBaseService


class ChurnService(XgSklServingBaseService):
    def _preprocess(self, data):
        rows = data['data']['req_data']
        return [[r['tenure'], r['monthly'], r['tickets']] for r in rows]
