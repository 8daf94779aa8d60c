# Batch scoring server: ModelArts calls it over HTTP on 8080 for each input file.
from http.server import BaseHTTPRequestHandler, HTTPServer
import json


class Handler(BaseHTTPRequestHandler):
    def _send(self, code, obj):
        body = json.dumps(obj).encode()
        self.send_response(code)
        self.send_header('Content-Type', 'application/json')
        self.send_header('Content-Length', str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == '/health':
            self._send(200, {'health': 'true'})
        else:
            self._send(404, {})

    def do_POST(self):
        if self.path == '/score':
            n = int(self.headers.get('Content-Length', 0))
            rows = json.loads(self.rfile.read(n) or b'{}').get('rows', [])
            self._send(200, {'scores': [len(str(r)) for r in rows]})
        else:
            self._send(404, {})


HTTPServer(('0.0.0.0', 8080), Handler).serve_forever()
