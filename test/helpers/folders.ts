// Model folders the Dockerfile rule tests share: a Python server that answers GET and POST on 0.0.0.0:8080 and the
// good online Dockerfile that serves it.
export const SERVER = `from http.server import BaseHTTPRequestHandler, HTTPServer
class H(BaseHTTPRequestHandler):
    def do_GET(self):
        self.send_response(200)
    def do_POST(self):
        self.send_response(200)
HTTPServer(("0.0.0.0", 8080), H).serve_forever()
`;

export const GOOD = `FROM python:3.11-slim
WORKDIR /home/app
COPY server.py /home/app/server.py
ENV PYTHONUNBUFFERED=1
EXPOSE 8080
USER 1000:100
CMD ["python3", "/home/app/server.py"]
`;

/** A Dockerfile with server.py (SERVER) beside it. */
export const online = (dockerfile: string, extra: Record<string, string> = {}): Record<string, string> =>
  ({ Dockerfile: dockerfile, 'server.py': SERVER, ...extra });

/** A handler that never looks at the path (so it serves every path), with no server call. */
export const HANDLER = 'from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n'
  + '    def do_GET(self):\n        pass\n    def do_POST(self):\n        pass\n';

/** A small online Dockerfile with server.py and the given start command. */
export const ONLINE = (cmd: string): string => `FROM python:3.11-slim\nCOPY server.py /home/app/server.py\nEXPOSE 8080\nUSER 1000:100\n${cmd}\n`;

/** The batch image's head: python, a JRE and zip installed, run.sh and server.py copied (no command yet). */
export const BATCH = 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y default-jre-headless zip\n'
  + 'COPY run.sh /home/run.sh\nCOPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\n';
