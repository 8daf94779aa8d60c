// MA213 beyond its own cases (test/rules/MA213.test.ts): suppression and settings apply, and the parser wrapper
// (dialects, caching, readable messages).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check } from '../fixtures/dockerfile/harness';
import type { Finding } from '../../core/types';
import { readable, shellSyntaxError } from '../../core/analysis/shsyntax';

const SERVER = 'from http.server import BaseHTTPRequestHandler, HTTPServer\nclass H(BaseHTTPRequestHandler):\n    def do_GET(self):\n        pass\n' +
  '    def do_POST(self):\n        pass\nHTTPServer(("0.0.0.0", 8080), H).serve_forever()\n';
const TAIL = 'COPY server.py /home/server.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["python3", "/home/server.py"]\n';
const df = (body: string, tail = TAIL) => `FROM python:3.11-slim\n${body}\n${tail}`;
const run = (dockerfile: string, files: Record<string, string> = {}) => check({ Dockerfile: dockerfile, 'server.py': SERVER, ...files });
const ma213 = (dockerfile: string, files: Record<string, string> = {}): Finding[] => run(dockerfile, files).findings.filter((f) => f.code === 'MA213');

test('suppression and settings apply', () => {
  const bad = df('# modelarts-ignore MA213\nRUN echo "x');
  assert.deepEqual(ma213(bad), []);
  const off = check({ Dockerfile: df('RUN echo "x'), 'server.py': SERVER }, { rules: { MA213: 'off' } });
  assert.deepEqual(off.findings.filter((f) => f.code === 'MA213'), []);
});

test('the parser wrapper: dialects, caching, messages for every pattern it rewrites', () => {
  assert.equal(shellSyntaxError('echo ok'), undefined);
  const e = shellSyntaxError('echo a;;');
  assert.equal(e?.offset, 6);
  assert.equal(shellSyntaxError('echo a;;'), e, 'the second parse of the same text is the cached result');
  assert.equal(shellSyntaxError('a=(1 2); echo ${a[1]}', 'mksh'), undefined);
  for (const [text, en] of [
    ['&& can only immediately follow a statement', /`&&` has no command before it/],
    ['| must be followed by a statement', /`\|` has no command after it/],
    ['reached EOF without matching ${ with }', /`\$\{` is never closed with `\}`/],
    ['"done" can only be used to end a loop', /this `done` ends no loop/],
    ['"fi" can only be used to end an if', /this `fi` closes no `if`/],
    ['"if" must be followed by a statement list', /`if` has no commands after it/],
    ["unclosed here-document 'EOF'", /`<<EOF` has no closing line `EOF`/],
    ['something new', /^something new$/],
  ] as const) {
    const r = readable(text);
    assert.match(r.en, en);
    assert.ok(r.zh.length > 0 && r.zh !== r.en, text);
  }
});
