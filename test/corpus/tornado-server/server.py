import json

import tornado.ioloop
import tornado.web


class Health(tornado.web.RequestHandler):
    def get(self):
        self.write({'health': 'true'})


class Predict(tornado.web.RequestHandler):
    def post(self):
        body = json.loads(self.request.body or b'{}')
        self.write({'predictions': [sum(body.get('inputs', []))]})


if __name__ == '__main__':
    app = tornado.web.Application([(r'/health', Health), (r'/predict', Predict)])
    app.listen(8080, address='0.0.0.0')
    tornado.ioloop.IOLoop.current().start()
