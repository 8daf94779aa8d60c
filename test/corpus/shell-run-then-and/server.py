import json
from http.server import BaseHTTPRequestHandler, HTTPServer

ROUTES = {('GET', '/health'): lambda body: {'health': 'true'},
          ('POST', '/'): lambda body: {'predictions': [max(body.get('inputs') or [0])]}}


class Handler(BaseHTTPRequestHandler):
    def handle_one(self, method):
        fn = ROUTES.get((method, self.path))
        size = int(self.headers.get('Content-Length') or 0)
        out = json.dumps(fn(json.loads(self.rfile.read(size) or b'{}')) if fn else {}).encode()
        self.send_response(200 if fn else 404)
        self.send_header('Content-Type', 'application/json')
        self.end_headers()
        self.wfile.write(out)

    def do_GET(self):
        if self.path == '/health':
            self.handle_one('GET')

    def do_POST(self):
        if self.path == '/':
            self.handle_one('POST')


if __name__ == '__main__':
    HTTPServer(('0.0.0.0', 8080), Handler).serve_forever()
