// Cross-file rules MA301-MA304, with one failing and one passing case per route framework.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { check, ours, memFiles, ROOT, IMAGE_CONFIG } from '../fixtures/dockerfile/harness';
import { findModelFolders } from '../../core/folders';
import { checkModelFolder } from '../../core/check';
import { defaultOptions } from '../../core/types';

const D = (file: string, cmd: string) => `FROM python:3.11-slim\nWORKDIR /app\nCOPY ${file} /app/${file}\nEXPOSE 8080\nUSER 1000:100\nCMD ${cmd}\n`;
const cfg = (health: string, url: string, method = 'post') => JSON.stringify({
  model_algorithm: 'm', model_type: 'Image',
  apis: [{ protocol: 'http', url, method, request: { 'Content-type': 'application/json', data: { type: 'object' } },
    response: { 'Content-type': 'application/json', data: { type: 'object' } } }],
  health: { url: health, protocol: 'http' },
}, null, 2);
const cross = (files: Record<string, string>) => ours(check(files)).filter((c) => /^MA30[12]$/.test(c));

interface Case { name: string; file: string; cmd: string; code: string }
const FW: Case[] = [
  { name: 'Flask', file: 'app.py', cmd: 'gunicorn -b 0.0.0.0:8080 app:app',
    code: `from flask import Flask\napp = Flask(__name__)\n@app.route("/health")\ndef h():\n    return {"health": "true"}\n@app.route("/predict",\n` +
    `           methods=["POST"])\ndef p():\n    return {}\n` },
  { name: 'FastAPI', file: 'main.py', cmd: 'uvicorn main:app --host 0.0.0.0 --port 8080',
    code: `from fastapi import FastAPI\napp = FastAPI()\n@app.get("/health")\ndef h():\n    return {"health": "true"}\n@app.post("/predict")\n` +
    `def p():\n    return {}\n` },
  { name: 'aiohttp', file: 'srv.py', cmd: 'python srv.py',
    code: `from aiohttp import web\napp = web.Application()\napp.router.add_get("/health", h)\napp.add_routes([web.post("/predict", p)])\n` +
    `web.run_app(app, port=8080)\n` },
  { name: 'Tornado', file: 'srv.py', cmd: 'python srv.py',
    code: `import tornado.web\napp = tornado.web.Application([(r"/health", H), (r"/predict", P)])\napp.listen(8080)\n` },
  { name: 'http.server', file: 'srv.py', cmd: 'python srv.py',
    code: `from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n` +
    `        if self.path == "/health":\n            pass\n    def do_POST(self):\n        if self.path in ("/predict", "/v2"):\n            pass\n` +
    `HTTPServer(("0.0.0.0", 8080), H).serve_forever()\n` },
  { name: 'Express', file: 'server.js', cmd: 'node server.js',
    code: `const express = require('express');\nconst app = express();\napp.get('/health', (req, res) => res.json({health: 'true'}));\n` +
    `app.post('/predict/:model?', (req, res) => res.json({}));\napp.listen(8080);\n` },
  { name: 'Spring', file: 'Api.java', cmd: 'java -jar app.jar',
    code: `@RestController\n@RequestMapping("/")\npublic class Api {\n  @GetMapping("health")\n  public String h() { return ""; }\n` +
    `  @PostMapping(value = "/predict")\n  public String p() { return ""; }\n}\n` },
];

for (const c of FW) {
  test(`routes: ${c.name} serves the config urls (pass) and misses others (fail)`, () => {
    assert.deepEqual(cross({ Dockerfile: D(c.file, c.cmd), [c.file]: c.code, 'config.json': cfg('/health', '/predict') }), []);
    assert.deepEqual(cross({ Dockerfile: D(c.file, c.cmd), [c.file]: c.code, 'config.json': cfg('/healthz', '/infer') }), ['MA301', 'MA302']);
  });
}

test('routes: a route for another method gives MA302 with a 405 message', () => {
  const r = check({ Dockerfile: D('app.py', 'python app.py'), 'app.py': FW[0].code, 'config.json': cfg('/health', '/predict', 'get') });
  const f = r.findings.find((x) => x.code === 'MA302');
  assert.ok(f && /405/.test(f.message.en));
});

test('routes: findings point at the config key and relate to the code and the Dockerfile', () => {
  const r = check({ Dockerfile: D('app.py', 'python app.py'), 'app.py': FW[0].code, 'config.json': cfg('/healthz', '/predict') });
  const f = r.findings.find((x) => x.code === 'MA301')!;
  assert.ok(f.file.endsWith('config.json'));
  assert.ok(f.related?.some((x) => x.file.endsWith('app.py')));
  assert.ok(f.related?.some((x) => x.file.endsWith('Dockerfile')));
});

test('routes: no finding when the code cannot be read with confidence', () => {
  const bp = `from flask import Flask, Blueprint\nbp = Blueprint("x", __name__)\n@bp.route("/health")\ndef h():\n    return ""\n` +
    `app = Flask(__name__)\napp.register_blueprint(bp, url_prefix="/v1")\n`;
  assert.deepEqual(cross({ Dockerfile: D('app.py', 'python app.py'), 'app.py': bp, 'config.json': cfg('/nope', '/nope') }), []);
  const any = `from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n` +
    `        self.send_response(200)\n    def do_POST(self):\n        self.send_response(200)\n`;
  assert.deepEqual(cross({ Dockerfile: D('srv.py', 'python srv.py'), 'srv.py': any, 'config.json': cfg('/anything', '/else') }), [],
    'a handler that never looks at the path serves every path');
  assert.deepEqual(cross({ Dockerfile: D('app.jar', 'java -jar app.jar'), 'app.jar': 'PK', 'config.json': cfg('/x', '/y') }), [], 'no readable code');
  assert.deepEqual(cross({ Dockerfile: D('app.py', 'python app.py'), 'app.py': 'import django\n' + FW[0].code, 'config.json': cfg('/x', '/y') }), [],
    'an unread framework');
});

test('MA303: HEALTHCHECK on another path or port', () => {
  const d = (hc: string) => D('app.py', 'python app.py').replace('USER', hc + '\nUSER');
  const codes = (hc: string) => ours(check({ Dockerfile: d(hc), 'app.py': FW[0].code,
    'config.json': cfg('/health', '/predict') })).filter((c) => c === 'MA303');
  assert.deepEqual(codes('HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1'), []);
  assert.deepEqual(codes('HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/ping || exit 1'), ['MA303']);
  assert.deepEqual(codes('HEALTHCHECK CMD wget -qO- http://127.0.0.1:5000/health'), ['MA303']);
  assert.deepEqual(codes('HEALTHCHECK CMD ["python", "/app/check.py"]'), [], 'a script probe is not judged');
  assert.deepEqual(codes('HEALTHCHECK NONE'), []);
  const f = check({ Dockerfile: d('HEALTHCHECK CMD curl -f http://localhost:8080/ping'), 'app.py': FW[0].code, 'config.json': cfg('/health', '/predict') }).findings.find((x) => x.code === 'MA303')!;
  assert.ok(f.related?.[0].file.endsWith('config.json'));
});

test('MA304: Dockerfile without config.json (found by folder discovery) and Image config without Dockerfile', () => {
  const files = memFiles({ 'Dockerfile': 'FROM python:3.11-slim\nCOPY run.sh /home/run.sh\nEXPOSE 8080\nCMD /bin/sh /home/run.sh\n',
    'run.sh': 'exec python3 -m http.server 8080\n' });
  const folders = findModelFolders([ROOT], files, defaultOptions());
  assert.equal(folders.length, 1);
  const f = checkModelFolder(folders[0], defaultOptions(), files).filter((x) => x.code === 'MA304');
  assert.equal(f.length, 1);
  assert.equal(f[0].severity, 'info');
  assert.match(f[0].message.en, /"model_type": "Image"/);
  const only = check({ 'config.json': IMAGE_CONFIG });
  assert.deepEqual(ours(only), ['MA304']);
  assert.ok(only.findings[0].file.endsWith('config.json'));
  assert.deepEqual(ours(check({ 'config.json': JSON.stringify({ model_algorithm: 'a', model_type: 'TensorFlow' }) })), []);
  assert.deepEqual(ours(check({ Dockerfile: D('app.py', 'python app.py'), 'app.py': FW[0].code })).filter((c) => c === 'MA304'), []);
  assert.equal(path.basename(ROOT), 'model');
});
