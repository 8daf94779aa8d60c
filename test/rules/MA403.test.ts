// MA403: The container exited before it served — on the real engine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, FIXTURES, FAST } from '../engine/engine-helpers';
import { docExamples, fixtureCases, noContainersAfter } from '../helpers/imageRule';

fixtureCases('MA403', [
  { dir: 'ma403-crash', check: 'start' },
  { dir: 'ma403-no-command', check: 'start' },
]);

test('MA403 reports the exit code and the last log lines', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma403-crash'), { ...FAST, engine });
  const f = r.findings.find((x) => x.code === 'MA403')!;
  assert.match(f.message.en, /code 3/);
  assert.match(f.message.en, /model\.bin not found/);
  assert.match(f.message.zh, /退出码 3/);
  // Points at the CMD line of the Dockerfile.
  assert.ok(f.file.endsWith('Dockerfile'));
  assert.equal(f.range.start.line, 6);
});

docExamples('MA403');

noContainersAfter();
