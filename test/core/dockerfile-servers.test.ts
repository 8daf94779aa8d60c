// Port and bind detection per server pattern: one failing and one passing case each, including entry scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, ours } from '../fixtures/dockerfile/harness';

const HEAD = 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . /app\nEXPOSE 8080\nUSER 1000:100\n';
const net = (dockerfile: string, files: Record<string, string> = {}) =>
  ours(check({ Dockerfile: dockerfile, ...files })).filter((c) => c === 'MA202' || c === 'MA203');

const cases: [string, string, Record<string, string>, string[]][] = [
  ['gunicorn -b', 'CMD ["gunicorn", "-b", "127.0.0.1:8080", "app:app"]', {}, ['MA202']],
  ['gunicorn --bind=', 'CMD gunicorn --bind=0.0.0.0:8080 app:app', {}, []],
  ['gunicorn default bind', 'CMD gunicorn app:app', {}, ['MA202', 'MA203']],
  ['gunicorn PORT env', 'ENV PORT=8080\nCMD gunicorn app:app', {}, []],
  ['gunicorn.conf.py copied', 'CMD gunicorn app:app', { 'gunicorn.conf.py': 'bind = "0.0.0.0:5000"\nworkers = 2\n' }, ['MA203']],
  ['gunicorn.conf.py good', 'CMD gunicorn -c gunicorn.conf.py app:app', { 'gunicorn.conf.py': "bind = ['0.0.0.0:8080']\n" }, []],
  ['gunicorn config not in context', 'CMD gunicorn -c /etc/gunicorn.py app:app', {}, []],
  ['uvicorn flags', 'CMD uvicorn main:app --host 0.0.0.0 --port 8000', {}, ['MA203']],
  ['uvicorn good', 'CMD ["uvicorn", "main:app", "--host", "0.0.0.0", "--port", "8080"]', {}, []],
  ['uvicorn defaults', 'CMD uvicorn main:app', {}, ['MA202', 'MA203']],
  ['hypercorn', 'CMD hypercorn main:app -b 0.0.0.0:9000', {}, ['MA203']],
  ['hypercorn good', 'CMD hypercorn main:app --bind 0.0.0.0:8080', {}, []],
  ['flask run defaults', 'CMD flask run', {}, ['MA202', 'MA203']],
  ['flask run good', 'CMD ["flask", "run", "-h", "0.0.0.0", "-p", "8080"]', {}, []],
  ['flask run env', 'ENV FLASK_RUN_HOST=0.0.0.0 FLASK_RUN_PORT=8080\nCMD python -m flask run', {}, []],
  ['http.server default', 'CMD python3 -m http.server', {}, ['MA203']],
  ['http.server good', 'CMD python3 -m http.server 8080 --bind 0.0.0.0', {}, []],
  ['app.run in code', 'CMD ["python", "app.py"]',
    { 'app.py': 'from flask import Flask\napp = Flask(__name__)\nif __name__ == "__main__":\n    app.run(port=5000)\n' }, ['MA202', 'MA203']],
  ['app.run good', 'CMD ["python", "app.py"]',
    { 'app.py': 'import os\nfrom flask import Flask\napp = Flask(__name__)\nPORT = int(os.environ.get("PORT", 8080))\n' +
    'app.run(host="0.0.0.0", port=PORT)\n' }, []],
  ['app.run unreadable host', 'CMD ["python", "app.py"]',
    { 'app.py': 'from flask import Flask\napp = Flask(__name__)\napp.run(host=cfg.host, port=cfg.port)\n' }, []],
  ['uvicorn.run in code', 'CMD python main.py', { 'main.py': 'import uvicorn\nuvicorn.run(app, host="127.0.0.1", port=8080)\n' }, ['MA202']],
  ['aiohttp run_app default', 'CMD python main.py', { 'main.py': 'from aiohttp import web\nweb.run_app(app)\n' }, []],
  ['HTTPServer tuple', 'CMD python s.py', { 's.py': 'from http.server import HTTPServer\nHTTPServer(("localhost", 8000), H).serve_forever()\n' },
    ['MA202', 'MA203']],
  ['node listen', 'CMD ["node", "server.js"]', { 'server.js': "const express = require('express');\nconst app = express();\napp.listen(3000);\n" }, ['MA203']],
  ['node PORT env', 'ENV PORT=8080\nCMD ["node", "server.js"]', { 'server.js': "const PORT = process.env.PORT || 3000;\napp.listen(PORT, '0.0.0.0');\n" }, []],
  ['node loopback', 'CMD node server.js', { 'server.js': "app.listen(8080, '127.0.0.1', () => {});\n" }, ['MA202']],
  ['java -Dserver.port', 'CMD ["java", "-Dserver.port=9090", "-jar", "app.jar"]', {}, ['MA203']],
  ['java default', 'CMD ["java", "-jar", "app.jar"]', {}, []],
  ['ENV PORT with $PORT', 'ENV PORT=5000\nCMD gunicorn -b 0.0.0.0:$PORT app:app', {}, ['MA203']],
  ['unknown program', 'CMD ["./serve"]', {}, []],
];

for (const [name, cmd, files, expected] of cases) {
  test(`server pattern: ${name}`, () => {
    assert.deepEqual(net(HEAD + cmd + '\n', files), expected);
  });
}

test('entry script: run.sh copied to /home/run.sh is followed', () => {
  const d = 'FROM python:3.11-slim\nRUN apt-get update && apt-get install -y default-jre-headless zip\nCOPY run.sh /home/run.sh\n' +
    'COPY app.py /home/app.py\nEXPOSE 8080\nCMD /bin/sh /home/run.sh\n';
  assert.deepEqual(net(d, { 'run.sh': '#!/bin/sh\ncd /home\nexec gunicorn -b 127.0.0.1:8080 app:app\n', 'app.py': '' }), ['MA202']);
  assert.deepEqual(net(d, { 'run.sh': '#!/bin/sh\ncd /home\nexec gunicorn -b 0.0.0.0:8080 app:app\n', 'app.py': '' }), []);
  const f = check({ Dockerfile: d, 'run.sh': 'exec gunicorn -b 127.0.0.1:8080 app:app\n', 'app.py': '' }).findings.find((x) => x.code === 'MA202')!;
  assert.ok(f.file.endsWith('Dockerfile'), 'the finding is on the Dockerfile');
  assert.ok(f.related?.[0].file.endsWith('run.sh'), 'and points at run.sh');
  assert.equal(f.related?.[0].range.start.line, 0);
});

test('entry script: start.sh via ENTRYPOINT, python file inside it, exported PORT', () => {
  const d = HEAD + 'ENTRYPOINT ["/app/start.sh"]\n';
  assert.deepEqual(net(d, { 'start.sh': '#!/bin/bash\nexport PORT=7000\nexec python app.py\n',
    'app.py': 'import os\nfrom flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0", port=int(os.getenv("PORT", "8080")))\n' }), ['MA203']);
  assert.deepEqual(net(d, { 'start.sh': '#!/bin/bash\nexec python app.py\n',
    'app.py': 'import os\nfrom flask import Flask\napp = Flask(__name__)\napp.run(host="0.0.0.0", port=int(os.getenv("PORT", "8080")))\n' }), []);
  assert.deepEqual(net(d, {}), [], 'a script outside the build context is not judged');
});

test('only a Flask object\'s run() is read as app.run (an ONNX session.run() is not a server)', () => {
  const code = 'import onnxruntime as ort\nfrom flask import Flask\napp = Flask(__name__)\nsess = ort.InferenceSession("m.onnx")\nout = sess.run()\n' +
    'app.run(host="0.0.0.0", port=8080)\n';
  assert.deepEqual(net(HEAD + 'CMD ["python", "app.py"]\n', { 'app.py': code }), []);
  assert.deepEqual(net(HEAD + 'CMD ["python", "app.py"]\n', { 'app.py': code.replace('port=8080', 'port=8000') }), ['MA203']);
});
