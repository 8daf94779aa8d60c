"""The batch-service model server: ModelArts calls the apis url for each input, over HTTP on port 8080."""
import json
import signal
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Handler(BaseHTTPRequestHandler):
    def log_message(self, fmt, *args):
        print("%s %s" % (self.address_string(), fmt % args), flush=True)

    def send_json(self, status, payload):
        body = json.dumps(payload).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        if self.path == "/health":
            self.send_json(200, {"health": "true"})
        else:
            self.send_json(404, {"error": "not found"})

    def do_POST(self):
        if self.path != "/":
            self.send_json(404, {"error": "not found"})
            return
        length = int(self.headers.get("Content-Length") or 0)
        try:
            rows = json.loads(self.rfile.read(length) or b"{}").get("req_data", [])
        except (ValueError, AttributeError):
            self.send_json(400, {"error": "body is not a JSON object with req_data"})
            return
        # Stands in for a real model: doubles each value.
        results = [{"predict_result": 2 * float(row.get("value", 0))} for row in rows if isinstance(row, dict)]
        self.send_json(200, {"resp_data": results})


def main():
    server = ThreadingHTTPServer(("0.0.0.0", 8080), Handler)
    signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())
    print("batch model server listening on 0.0.0.0:8080", flush=True)
    server.serve_forever()


if __name__ == "__main__":
    main()
