// The routes analysis behind MA301 and MA302: one failing and one passing case per route framework, and silence when
// the code cannot be read with confidence. Each rule's own cases: test/rules/MA30x.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, ours } from '../fixtures/dockerfile/harness';
import { D, cfg, FW } from '../helpers/routeFolders';

const cross = (files: Record<string, string>) => ours(check(files)).filter((c) => /^MA30[12]$/.test(c));

for (const c of FW) {
  test(`routes: ${c.name} serves the config urls (pass) and misses others (fail)`, () => {
    assert.deepEqual(cross({ Dockerfile: D(c.file, c.cmd), [c.file]: c.code, 'config.json': cfg('/health', '/predict') }), []);
    assert.deepEqual(cross({ Dockerfile: D(c.file, c.cmd), [c.file]: c.code, 'config.json': cfg('/healthz', '/infer') }), ['MA301', 'MA302']);
  });
}

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
