// Parser corners that must stay clean: heredocs, continuations, the escape directive, multi-stage builds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, ours } from '../fixtures/dockerfile/harness';

const SERVER = 'from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        pass\n' +
  '    def do_POST(self):\n        pass\nHTTPServer(("", 8080), H).serve_forever()\n';
const codes = (d: string, files: Record<string, string> = {}) => ours(check({ Dockerfile: d, 'server.py': SERVER, ...files }));

test('heredoc RUN and heredoc COPY stay clean', () => {
  const d = `# syntax=docker/dockerfile:1.4
FROM python:3.11-slim
RUN <<EOT bash
set -e
echo "built" > /tmp/build.log
pip --version
EOT
COPY <<EOF /home/app/settings.ini
[server]
port = 8080
EOF
COPY server.py /home/app/server.py
EXPOSE 8080
USER 1000:100
CMD ["python3", "/home/app/server.py"]
`;
  assert.deepEqual(codes(d), []);
});

test('line continuations (with comment lines inside) stay clean', () => {
  const d = `FROM python:3.11-slim
RUN apt-get update \\
    # tools for the build
    && apt-get install -y --no-install-recommends curl \\
    && rm -rf /var/lib/apt/lists/*
COPY server.py \\
     /home/app/server.py
EXPOSE \\
  8080
USER 1000:100
CMD ["python3", \\
     "/home/app/server.py"]
`;
  assert.deepEqual(codes(d), []);
});

test('escape directive (backtick) stays clean and still reads the command', () => {
  const d = '# escape=`\nFROM python:3.11-slim\nCOPY server.py `\n  /home/app/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD gunicorn `\n' +
    '  -b 0.0.0.0:8080 server:app\n';
  assert.deepEqual(codes(d), []);
  assert.deepEqual(codes(d.replace('0.0.0.0:8080', '127.0.0.1:8080')), ['MA202']);
});

test('multi-stage: serving rules look at the final stage; build-stage redirects and ports do not count', () => {
  const d = `FROM node:20 AS ui
WORKDIR /ui
RUN echo build > /ui/out.txt 2>&1
EXPOSE 3000
CMD npm start > /tmp/ui.log

FROM python:3.11-slim
COPY --from=ui /ui/out.txt /home/app/static/out.txt
COPY server.py /home/app/server.py
EXPOSE 8080
USER 1000:100
CMD ["python3", "/home/app/server.py"]
`;
  assert.deepEqual(codes(d), []);
});

test('multi-stage: a final stage built FROM an earlier stage inherits its EXPOSE, USER and copies', () => {
  const d = `FROM python:3.11-slim AS base
COPY server.py /home/app/server.py
EXPOSE 8080
USER 1000:100

FROM base
ENV PYTHONUNBUFFERED=1
CMD ["python3", "/home/app/server.py"]
`;
  assert.deepEqual(codes(d), []);
});

test('ENTRYPOINT exec + CMD args and tini wrappers are read', () => {
  const base = 'FROM python:3.11-slim\nCOPY server.py /home/app/server.py\nEXPOSE 8080\nUSER 1000:100\n';
  assert.deepEqual(codes(base + 'ENTRYPOINT ["tini", "--"]\nCMD ["gunicorn", "-b", "0.0.0.0:8080", "server:app"]\n'), []);
  assert.deepEqual(codes(base + 'ENTRYPOINT ["tini", "--"]\nCMD ["gunicorn", "-b", "0.0.0.0:5000", "server:app"]\n'), ['MA203']);
});

test('Windows line endings stay clean', () => {
  const d = 'FROM python:3.11-slim\r\nCOPY server.py /home/app/server.py\r\nEXPOSE 8080\r\nUSER 1000:100\r\nCMD gunicorn -b 0.0.0.0:8080 server:app\r\n';
  assert.deepEqual(codes(d), []);
});
