// Quick fixes across rules (bind then listen, the syntax they keep) and "suppress here", applied to the files and the
// folder re-checked: the finding is gone and nothing new appears. One rule's own fixes: test/rules/MAxxx.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, ours, applyFix } from '../fixtures/dockerfile/harness';

const SERVER = 'from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        pass\n' +
  '    def do_POST(self):\n        pass\n';

/** Applies the preferred fix of each finding with `code`, one at a time, re-checking in between. */
function fixAll(files: Record<string, string>, code: string, pick: (t: string) => boolean = () => true, opts = {}): Record<string, string> {
  let cur = { ...files };
  for (let i = 0; i < 5; i++) {
    const f = check(cur, opts).findings.find((x) => x.code === code);
    if (!f) return cur;
    const fx = f.fixes?.find((x) => !x.title.en.startsWith('Suppress') && pick(x.title.en));
    assert.ok(fx, `${code} offers a fix: ${f.message.en}`);
    cur = applyFix(cur, fx);
  }
  return cur;
}

const clean = (files: Record<string, string>, opts = {}) => assert.deepEqual(ours(check(files, opts)), [], JSON.stringify(files.Dockerfile));

const ONLINE = (cmd: string) => `FROM python:3.11-slim\nCOPY server.py /home/app/server.py\nEXPOSE 8080\nUSER 1000:100\n${cmd}\n`;

test('127.0.0.1 / localhost -> 0.0.0.0 and port -> 8080, shell and exec forms', () => {
  let f = fixAll({ Dockerfile: ONLINE('CMD gunicorn -b localhost:5000 server:app'), 'server.py': SERVER }, 'MA202');
  f = fixAll(f, 'MA203');
  clean(f);
  assert.match(f.Dockerfile, /-b 0\.0\.0\.0:8080 server:app/);
  clean(fixAll(fixAll({ Dockerfile: ONLINE('CMD ["uvicorn", "server:app", "--host", "127.0.0.1", "--port", "8000"]'), 'server.py': SERVER }, 'MA202'),
    'MA203'));
});

test('defaults: the missing flags are added (shell and JSON forms)', () => {
  const a = fixAll(fixAll({ Dockerfile: ONLINE('CMD uvicorn server:app'), 'server.py': SERVER }, 'MA202'), 'MA203');
  clean(a);
  assert.match(a.Dockerfile, /uvicorn --host 0\.0\.0\.0 --port 8080 server:app|uvicorn --port 8080 --host 0\.0\.0\.0 server:app/);
  const b = fixAll(fixAll({ Dockerfile: ONLINE('CMD ["gunicorn", "server:app"]'), 'server.py': SERVER }, 'MA202'), 'MA203');
  clean(b);
  assert.match(b.Dockerfile, /\["gunicorn", "-b", "0\.0\.0\.0:8080", "server:app"\]/);
});

test('"suppress here" silences exactly that finding', () => {
  const files = { Dockerfile: ONLINE('CMD ["python3", "/home/app/server.py"]').replace('USER 1000:100\n', ''), 'server.py': SERVER };
  const f = check(files).findings.find((x) => x.code === 'MA212')!;
  const out = applyFix(files, f.fixes!.find((x) => x.title.en.startsWith('Suppress'))!);
  clean(out);
  assert.match(out.Dockerfile, /^# modelarts-ignore MA212\nFROM/);
});

/** Applies "Bind to 0.0.0.0" then "Listen on 8080" (re-checked in between) and returns the files. */
const bindThenListen = (files: Record<string, string>): Record<string, string> =>
  fixAll(fixAll(files, 'MA202', (t) => t.startsWith('Bind')), 'MA203', (t) => t.startsWith('Listen'));

const PYAPP = (call: string) => ({
  Dockerfile: 'FROM python:3.11-slim\nCOPY app.py /home/app.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["python3", "/home/app.py"]\n',
  'app.py': `import os\nfrom flask import Flask\napp = Flask(__name__)\n${call}\n`,
});

test('a host or port fix keeps the quoting of Python code: strings stay strings, numbers stay numbers', () => {
  const cases: [string, string][] = [
    ['app.run(host="127.0.0.1", port=5000)', 'app.run(host="0.0.0.0", port=8080)'],
    ["app.run(host='localhost', port=\"5000\")", "app.run(host='0.0.0.0', port=\"8080\")"],
    ['app.run(host="127.0.0.1", port=int(os.environ.get("PORT", "5000")))', 'app.run(host="0.0.0.0", port=int(os.environ.get("PORT", "8080")))'],
    ['app.run(host="127.0.0.1", port=os.environ.get("PORT", 5000))', 'app.run(host="0.0.0.0", port=os.environ.get("PORT", 8080))'],
  ];
  for (const [call, want] of cases) {
    const out = bindThenListen(PYAPP(call));
    assert.equal(out['app.py'].split('\n')[3], want);
    clean(out);
  }
  // A constant: its definition is rewritten, the call keeps the name.
  const out = bindThenListen(PYAPP('HOST = "127.0.0.1"\nPORT = 5000\napp.run(host=HOST, port=PORT)'));
  assert.match(out['app.py'], /HOST = "0\.0\.0\.0"\nPORT = 8080\napp\.run\(host=HOST, port=PORT\)/);
  clean(out);
});

test('HTTPServer(("127.0.0.1", 5000), H): bind then listen gives valid Python', () => {
  const files = { Dockerfile: 'FROM python:3.11-slim\nCOPY server.py /home/app/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["python3", "/home/app/server.py"]\n',
    'server.py': SERVER + 'HTTPServer(("127.0.0.1", 5000), H).serve_forever()\n' };
  const out = bindThenListen(files);
  assert.match(out['server.py'], /HTTPServer\(\("0\.0\.0\.0", 8080\), H\)\.serve_forever\(\)/);
  clean(out);
});

test('a port fix in JS, shell and Dockerfile exec form keeps the syntax', () => {
  const js = bindThenListen({ Dockerfile: 'FROM node:20-slim\nCOPY server.js /app/server.js\nEXPOSE 8080\nUSER 1000:100\nCMD ["node", "/app/server.js"]\n',
    'server.js': "const http = require('http');\nconst PORT = process.env.PORT || 3000;\n" +
      "http.createServer((q, s) => s.end('ok')).listen(PORT, '127.0.0.1');\n" });
  assert.match(js['server.js'], /process\.env\.PORT \|\| 8080;\n.*\.listen\(PORT, '0\.0\.0\.0'\);/);
  const exec = fixAll({ Dockerfile: ONLINE('CMD ["python3", "-m", "http.server", "5000"]') }, 'MA203');
  assert.match(exec.Dockerfile, /CMD \["python3", "-m", "http\.server", "8080"\]/);
  const sh = bindThenListen({ Dockerfile: ONLINE('CMD ["flask", "run", "--host", "127.0.0.1", "--port", "5000"]'), 'server.py': SERVER });
  assert.match(sh.Dockerfile, /"--host", "0\.0\.0\.0", "--port", "8080"/);
});

test('a server call whose host/port are not spelled out (waitress listen= from the environment, **options) is not judged', () => {
  const files = (call: string) => ({ Dockerfile: 'FROM python:3.11-slim\nCOPY app.py /home/app.py\nUSER 1000:100\nCMD ["python3", "/home/app.py"]\n',
    'app.py': `import os\nfrom flask import Flask\nfrom waitress import serve\napp = Flask(__name__)\nOPTS = {}\n${call}\n` });
  const of = (call: string) => check(files(call)).findings.filter((f) => /^MA20[123]$/.test(f.code)).map((f) => `${f.code} ${f.severity}`);
  assert.deepEqual(of("serve(app, listen='*:' + os.environ['SERVICE_PORT'])"), ['MA201 warning']);
  assert.deepEqual(of('app.run(**OPTS)'), ['MA201 warning']);
  assert.deepEqual(of("serve(app, listen='*:8080')"), ['MA201 hint']);
  const fixed = bindThenListen(files("serve(app, listen='127.0.0.1:5000')"));
  assert.match(fixed['app.py'], /serve\(app, listen='0\.0\.0\.0:8080'\)/);
});
