// MA411: A test request body is larger than 12 MB — on the real engine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, codesOf, FIXTURES, FAST } from '../engine/engine-helpers';
import { docExamples, noContainersAfter } from '../helpers/imageRule';

const copyFixture = (name: string) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `mik-${name}-`));
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  return dir;
};

test('a saved request over 12 MB gives exactly MA411 and is not sent', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const dir = copyFixture('good');
  fs.mkdirSync(path.join(dir, 'requests'));
  fs.writeFileSync(path.join(dir, 'requests', 'predict.json'), JSON.stringify({ x: 1, pad: 'x'.repeat(13 * 1024 * 1024) }));
  fs.writeFileSync(path.join(dir, '.dockerignore'), 'requests/\n');
  const r = await runConformance(dir, { ...FAST, engine, tag: 'mik-ma411:modelarts-dev' });
  assert.deepEqual(codesOf(r), ['MA411']);
  const f = r.findings[0];
  assert.ok(f.file.endsWith('config.json'));
  assert.match(f.message.en, /13\.0 MB > 12\.0 MB/);
});

test('a saved request over the console\'s 8 MB (within 12 MB) is sent, passes, and gets an MA411 info note', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const dir = copyFixture('good');
  fs.mkdirSync(path.join(dir, 'requests'));
  fs.writeFileSync(path.join(dir, 'requests', 'predict.json'), JSON.stringify({ x: 1, pad: 'x'.repeat(9 * 1024 * 1024) }));
  fs.writeFileSync(path.join(dir, '.dockerignore'), 'requests/\n');
  const r = await runConformance(dir, { ...FAST, engine, tag: 'mik-ma411:modelarts-dev' });
  assert.equal(r.passed, true, JSON.stringify(r.checks, null, 1));
  const api = r.checks.find((c) => c.id === 'api POST /predict')!;
  assert.equal(api.status, 'pass');
  assert.match(api.message.en, new RegExp(/^HTTP 200 in \d+ ms; MA411 info: request body 9\.0 MB > 8\.0 MB: the console's own test page refuses it; /.source
    + /the API gateway accepts up to 12\.0 MB \(sent\)$/.source));
  assert.deepEqual(r.findings.map((f) => [f.code, f.severity]), [['MA411', 'info']]);
  assert.match(r.findings[0].message.zh, /控制台自带的预测页面会拒绝它/);
  fs.rmSync(dir, { recursive: true, force: true });
});

docExamples('MA411');

noContainersAfter();
