// Suppression forms: the line-above comment, the file-wide comment, the hadolint pragma, and the setting.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { check, ours } from '../fixtures/dockerfile/harness';

const D = 'FROM python:3.11-slim\nCOPY server.py /home/app/server.py\nEXPOSE 5000\nUSER 1000:100\nCMD gunicorn -b 127.0.0.1:5000 server:app\n';
const codes = (d: string, opts = {}) => ours(check({ Dockerfile: d, 'server.py': '' }, opts));

test('without suppression the findings are there', () => {
  assert.deepEqual(codes(D), ['MA201', 'MA202', 'MA203']);
});

test('# modelarts-ignore on the line above, one or several codes', () => {
  assert.deepEqual(codes(D.replace('EXPOSE', '# modelarts-ignore MA201\nEXPOSE')), ['MA202', 'MA203']);
  assert.deepEqual(codes(D.replace('CMD', '# modelarts-ignore MA202,MA203\nCMD')), ['MA201']);
  assert.deepEqual(codes(D.replace('CMD', '# modelarts-ignore MA202, MA203\nCMD')), ['MA201']);
});

test('the comment applies to the instruction below it only', () => {
  assert.deepEqual(codes(D.replace('EXPOSE', '# modelarts-ignore MA202\nEXPOSE')), ['MA201', 'MA202', 'MA203']);
});

test('stacked comments above one instruction all count', () => {
  assert.deepEqual(codes(D.replace('CMD', '# modelarts-ignore MA202\n# the port is mapped by a sidecar\n# hadolint ignore=MA203,DL3025\nCMD')), ['MA201']);
});

test('a finding on a continuation line is suppressed by the comment above the instruction', () => {
  const d = D.replace('CMD gunicorn -b 127.0.0.1:5000 server:app', '# modelarts-ignore MA202 MA203\nCMD gunicorn \\\n  -b 127.0.0.1:5000 \\\n  server:app');
  assert.deepEqual(codes(d), ['MA201']);
});

test('# modelarts-ignore-file anywhere', () => {
  assert.deepEqual(codes(D + '# modelarts-ignore-file MA202 MA203\n'), ['MA201']);
});

test('hadolint-style pragma', () => {
  assert.deepEqual(codes(D.replace('EXPOSE', '# hadolint ignore=MA201\nEXPOSE')), ['MA202', 'MA203']);
});

test('the modelarts.rules setting turns a rule off or changes its severity', () => {
  assert.deepEqual(codes(D, { rules: { MA201: 'off', MA203: 'off' } }), ['MA202']);
  const r = check({ Dockerfile: D, 'server.py': '' }, { rules: { MA202: 'info' } });
  assert.equal(r.findings.find((f) => f.code === 'MA202')?.severity, 'info');
});

test('every Dockerfile finding offers a "suppress here" fix that works', () => {
  const r = check({ Dockerfile: D, 'server.py': '' });
  for (const f of r.findings.filter((x) => /^MA2/.test(x.code))) {
    const fx = f.fixes?.find((x) => x.title.en.startsWith('Suppress'));
    assert.ok(fx, `${f.code} has a suppress fix`);
  }
});
