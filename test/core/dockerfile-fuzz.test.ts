// Bad input never crashes or hangs the Dockerfile and cross-file rules: random instruction soups, random bytes,
// truncated heredocs and quotes, odd escapes. Each run must return findings with valid ranges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { check } from '../fixtures/dockerfile/harness';
import { failOnRuleErrors, timed } from '../helpers/rule-errors';

// A rule that throws fails the property (the check would only warn), and every run has a time limit.
failOnRuleErrors();

const WORDS = ['FROM', 'python:3.11', 'AS', 'b', 'RUN', 'CMD', 'ENTRYPOINT', 'COPY', 'ADD', '--from=b', 'EXPOSE', '8080', '$PORT', '${X:-1}',
  'ENV', 'ARG', 'USER', 'root', 'WORKDIR', '/home', 'HEALTHCHECK', 'curl', 'http://localhost:9/x', '<<EOF', 'EOF', '\\', '`', '"', "'",
  '[', ']', '"sh",', '"-c",', '&&', '||', '&', '|', ';', '>', '2>&1', '>>', '/home/run.sh', 'sh', 'gunicorn', '-b', '127.0.0.1:5000',
  'uvicorn', '--port', 'flask', 'run', 'python', 'app.py', 'nohup', 'exec', 'MA_X=1', 'SECRET=abc', '.', '*.py', '../x', '#', 'modelarts-ignore', 'MA201'];

const line = fc.array(fc.constantFrom(...WORDS), { minLength: 0, maxLength: 8 }).map((ws) => ws.join(' '));
const dockerfile = fc.array(line, { minLength: 0, maxLength: 25 }).map((ls) => ls.join('\n'));

function valid(files: Record<string, string>) {
  const r = timed('the Dockerfile check', () => check(files));
  for (const f of r.findings) {
    assert.ok(f.range.start.line >= 0 && f.range.start.character >= 0, 'range start');
    assert.ok(f.range.end.line > f.range.start.line || (f.range.end.line === f.range.start.line && f.range.end.character >= f.range.start.character),
      'range order');
    assert.ok(f.message.en && f.message.zh, 'both languages');
  }
}

test('random instruction soups', () => {
  fc.assert(fc.property(dockerfile, fc.constantFrom('', 'exec gunicorn -b 127.0.0.1:1 app:app &\n', '"unterminated'), (d, run) => {
    valid({ Dockerfile: d, 'run.sh': run, 'app.py': 'app.run(host=, port=\n' });
  }), { numRuns: 400, seed: 20261125 });
});

test('random text', () => {
  fc.assert(fc.property(fc.string({ maxLength: 400 }), (d) => valid({ Dockerfile: 'FROM python:3.11\n' + d })), { numRuns: 300, seed: 7 });
});

test('pathological inputs finish', () => {
  valid({ Dockerfile: 'FROM x\nRUN ' + '$('.repeat(5000) });
  valid({ Dockerfile: 'FROM x\nCMD ' + '"'.repeat(10000) });
  valid({ Dockerfile: 'FROM x\nCMD sh -c "' + 'sh -c \\"'.repeat(200) });
  valid({ Dockerfile: 'FROM x\nCOPY <<EOF /home/run.sh\n' + 'a'.repeat(100000) });
  valid({ Dockerfile: 'FROM x\nCMD python app.py\n', 'app.py': 'app.run(' + '('.repeat(50000) });
  valid({ Dockerfile: 'FROM x\nCMD ["sh", "/a.sh"]\nCOPY a.sh /a.sh\n', 'a.sh': 'sh /a.sh\n' });
  valid({ Dockerfile: 'FROM x\nENV ' + Array.from({ length: 3000 }, (_, i) => `V${i}=$V${i - 1}x`).join(' ') + '\n' });
});

test('odd .dockerignore patterns (regexp characters) do not throw', () => {
  for (const pat of ['model(1)', 'a+b', 'x|y', '{a,b}', '[', '!', '**/(', '\\']) {
    valid({ Dockerfile: 'FROM python:3.11\nCOPY . /app\nCOPY model(1) /m\nCMD ["python", "/app/app.py"]\n', '.dockerignore': pat + '\n',
      'model(1)': 'x', 'app.py': 'x' });
  }
});
