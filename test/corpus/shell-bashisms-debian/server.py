"""Sums the inputs it is sent."""
import json
from http.server import BaseHTTPRequestHandler, HTTPServer


def answer(handler, status, obj):
    data = json.dumps(obj).encode()
    handler.send_response(status)
    handler.send_header('Content-Type', 'application/json')
    handler.end_headers()
    handler.wfile.write(data)


class Model(BaseHTTPRequestHandler):
    def do_GET(self):
        if self.path == '/health':
            answer(self, 200, {'health': 'true'})
        else:
            answer(self, 404, {})

    def do_POST(self):
        n = int(self.headers.get('Content-Length') or 0)
        inputs = json.loads(self.rfile.read(n) or b'{}').get('inputs', [])
        answer(self, 200 if self.path == '/' else 404, {'predictions': [sum(inputs)]})


HTTPServer(('0.0.0.0', 8080), Model).serve_forever()
