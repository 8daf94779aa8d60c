// MA403: The container exited before it served — on the real engine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, FIXTURES, FAST } from '../engine/engine-helpers';
import { docExamples, fixtureCases, noContainersAfter } from '../helpers/imageRule';
import { signalOfExitCode } from '../../engine/exitCause';

fixtureCases('MA403', [
  { dir: 'ma403-crash', check: 'start' },
  { dir: 'ma403-no-command', check: 'start' },
  { dir: 'ma403-signal', check: 'start' },
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

test('MA403 names the signal an exit code 128+N stands for', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma403-signal'), { ...FAST, engine });
  const f = r.findings.find((x) => x.code === 'MA403')!;
  assert.match(f.message.en, /exited with code 137 .*Exit code 128 \+ 9: the main process was ended by SIGKILL\./s);
  assert.match(f.message.zh, /退出码 137.*主进程被 SIGKILL 终止/);
  assert.match(f.message.en, /loading the model/);
  assert.match(r.checks.find((c) => c.id === 'start')!.message, /SIGKILL/);
});

test('an exit code names a signal only above 128', () => {
  assert.equal(signalOfExitCode(137), 'SIGKILL');
  assert.equal(signalOfExitCode(143), 'SIGTERM');
  assert.equal(signalOfExitCode(139), 'SIGSEGV');
  assert.equal(signalOfExitCode(3), undefined);
  assert.equal(signalOfExitCode(128), undefined);
  assert.equal(signalOfExitCode(255), undefined);
});

docExamples('MA403');

noContainersAfter();
