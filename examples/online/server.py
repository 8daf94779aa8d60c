"""A small ModelArts model server using only the Python standard library.

It serves the two APIs declared in config.json (POST / with a multipart image, POST /greet with JSON),
answers GET /health with 200 {"health": "true"}, listens on 0.0.0.0:8080 and logs every request to stdout.
"""
import hashlib
import json
import signal
import sys
import threading
from email.parser import BytesParser
from email.policy import HTTP
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORT = 8080


def log(message):
    print(message, flush=True)


def parse_multipart(content_type, body):
    """Returns {field name: bytes} from a multipart/form-data body."""
    message = BytesParser(policy=HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    fields = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if name:
            fields[name] = part.get_payload(decode=True) or b""
    return fields


def classify(image_bytes):
    """Stands in for a real model: a stable digit derived from the image bytes."""
    return hashlib.sha256(image_bytes).digest()[0] % 10


class Handler(BaseHTTPRequestHandler):
    server_version = "modelarts-example/1.0"

    def log_message(self, fmt, *args):
        log("%s %s" % (self.address_string(), fmt % args))

    def send_json(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def read_body(self):
        length = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(length)

    def do_GET(self):
        if self.path == "/health":
            self.send_json(200, {"health": "true"})
        else:
            self.send_json(404, {"error": "not found"})

    def do_POST(self):
        body = self.read_body()
        if self.path == "/":
            fields = parse_multipart(self.headers.get("Content-Type", ""), body)
            if "images" not in fields:
                self.send_json(400, {"error": "missing form field 'images'"})
                return
            self.send_json(200, {"mnist_result": classify(fields["images"])})
        elif self.path == "/greet":
            try:
                name = json.loads(body or b"{}").get("name", "world")
            except ValueError:
                self.send_json(400, {"error": "body is not JSON"})
                return
            self.send_json(200, {"greeting": "Hello, %s!" % name})
        else:
            self.send_json(404, {"error": "not found"})


def main():
    server = ThreadingHTTPServer(("0.0.0.0", PORT), Handler)
    # Finish in-flight requests, then exit when ModelArts sends SIGTERM.
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    log("model server listening on 0.0.0.0:%d" % PORT)
    server.serve_forever()
    log("model server stopped")
    sys.exit(0)


if __name__ == "__main__":
    main()
