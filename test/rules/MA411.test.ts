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

docExamples('MA411');

noContainersAfter();
