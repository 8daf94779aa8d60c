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
  { dir: 'ma403-oom', check: 'start' },
  { dir: 'ma403-root-weights', check: 'start', opts: { profile: 'current' } },
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
  assert.match(r.checks.find((c) => c.id === 'start')!.message.en, /SIGKILL/);
});

test('an exit code names a signal only above 128', () => {
  assert.equal(signalOfExitCode(137), 'SIGKILL');
  assert.equal(signalOfExitCode(143), 'SIGTERM');
  assert.equal(signalOfExitCode(139), 'SIGSEGV');
  assert.equal(signalOfExitCode(3), undefined);
  assert.equal(signalOfExitCode(128), undefined);
  assert.equal(signalOfExitCode(255), undefined);
});

test('MA403 out of memory: a 64 MB limit from modelarts-deploy.json, the OOM kill told with the limit', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma403-oom'), { ...FAST, engine });
  const start = r.checks.find((c) => c.id === 'start')!;
  assert.equal(start.code, 'MA403');
  assert.match(start.message.en, /exited with code 137 .*Killed: out of memory \(limit 64\.0 MB\)/);
  const f = r.findings.find((x) => x.code === 'MA403')!;
  assert.match(f.message.en, /Killed: out of memory \(limit 64\.0 MB\): the kernel's OOM killer ended it\./);
  assert.match(f.message.zh, /因内存不足被内核终止（OOM killed），内存限制为 64\.0 MB/);
  assert.equal(r.runAs?.memoryBytes, 64 * 1024 ** 2);
});

test('MA403 --memory overrides the deployment file: with room enough the limit still kills the doubling string, at the new figure', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma403-oom'), { ...FAST, engine, deployment: { memoryBytes: 96 * 1024 ** 2 } });
  assert.match(r.checks.find((c) => c.id === 'start')!.message.en, /Killed: out of memory \(limit 96\.0 MB\)/);
});

test('weights only root can read: MA403 under current (ma-user) with the likely cause; seed-2021 runs the image\'s USER and serves', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const dir = path.join(FIXTURES, 'ma403-root-weights');
  const cur = await runConformance(dir, { ...FAST, engine, profile: 'current' });
  assert.equal(cur.passed, false);
  assert.deepEqual(cur.runAs, { user: '1000:100', fromImage: false, memoryBytes: undefined });
  const f = cur.findings.find((x) => x.code === 'MA403')!;
  assert.match(f.message.en, /PermissionError: \[Errno 13\] Permission denied: '\/home\/model\/weights\.bin'/);
  assert.match(f.message.en, new RegExp(/Likely cause: it runs as 1000:100 \(ma-user, as ModelArts runs it\): /.source
    + /a file only root can read or write — copy with `COPY --chown=1000:100` or chmod\./.source));
  assert.match(f.message.zh, /可能的原因：容器的运行用户是 1000:100（ma-user，与 ModelArts 运行时相同），某个文件只有 root 能读写/);
  assert.match(cur.checks.find((c) => c.id === 'start')!.message.en, /before serving; Likely cause: it runs as 1000:100/);

  const seed = await runConformance(dir, { ...FAST, engine, profile: 'seed-2021' });
  assert.equal(seed.passed, true, JSON.stringify(seed.checks, null, 1));
  assert.deepEqual(seed.runAs, { user: 'root', fromImage: true, memoryBytes: undefined });
  assert.match(seed.checks.find((c) => c.id === 'start')!.message.en, /as root \(the image's USER\)$/);
  // --user under seed-2021 runs as that user: the same failure.
  const asUser = await runConformance(dir, { ...FAST, engine, profile: 'seed-2021', deployment: { user: '1000:100' } });
  assert.match(asUser.findings.find((x) => x.code === 'MA403')!.message.en, /Likely cause: it runs as 1000:100/);
});

test('the text report says who the container ran as and its memory limit', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const { formatReportText } = await import('../../engine/format');
  const r = await runConformance(path.join(FIXTURES, 'ma403-oom'), { ...FAST, engine, profile: 'current' });
  assert.match(formatReportText(r), /\n {2}runs as 1000:100 \(ma-user, as ModelArts runs it\) · memory limit 64\.0 MB\n/);
});

docExamples('MA403');

noContainersAfter();
