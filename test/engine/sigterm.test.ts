// A correct image whose server ignores SIGTERM (python http.server, the Flask dev server, a script as PID 1) passes
// `modelarts-image test`: MA410 is a warning in every report format, the exit code is 0, and the run does not wait
// ModelArts' 90 s (the default wait after SIGTERM is DEFAULT_STOP_TIMEOUT_S).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { engineOrSkip, assertNoLabelled, FIXTURES } from './engine-helpers';

const cli = path.resolve(__dirname, '../../cli/main.ts');
const dir = path.join(FIXTURES, 'ma410-no-sigterm');
const run = (...extra: string[]) => {
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'test', dir, ...extra], { encoding: 'utf8' });
  // A figure for whoever reads the test log; the time is not asserted (machines differ).
  process.stderr.write(`modelarts-image test ${extra.join(' ')}: exit ${r.status} in ${((Date.now() - t0) / 1000).toFixed(1)} s\n`);
  return r;
};

test('the CLI: a SIGTERM-ignoring server passes with the MA410 warning (text, json, junit)', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const text = run();
  assert.equal(text.status, 0, text.stderr + text.stdout);
  assert.match(text.stdout, new RegExp(/⚠ Stop on SIGTERM +\d+\.\d s {2}MA410 warning: did not stop within 5 s of SIGTERM; /.source +
    /in-flight requests would be cut when ModelArts stops it after 90 s/.source));
  assert.match(text.stdout, /PASSED: \d+ passed, 1 warning, 0 failed/);

  const json = run('--format', 'json');
  assert.equal(json.status, 0, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.equal(out.passed, true);
  assert.equal(out.checks.find((c: { id: string }) => c.id === 'stop').status, 'warn');
  const f = out.findings.find((x: { code: string }) => x.code === 'MA410');
  assert.equal(f.severity, 'warning');
  assert.ok(out.timings.stop < 15_000, String(out.timings.stop));

  const junit = run('--format', 'junit', '--lang', 'zh-cn');
  assert.equal(junit.status, 0, junit.stderr);
  assert.match(junit.stdout, /<testsuites tests="\d+" failures="0"/);
  assert.match(junit.stdout, new RegExp(/<testcase classname="modelarts.conformance" name="Stop on SIGTERM" time="[\d.]+">/.source +
    /\n {6}<system-out>warning MA410: did not stop within 5 s/.source));
  assert.doesNotMatch(junit.stdout, /<failure/);
});

test('the CLI: --stop-timeout sets the wait the warning names', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = run('--stop-timeout', '1');
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.match(r.stdout, /MA410 warning: did not stop within 1 s of SIGTERM/);
});

after(async () => {
  const engine = await engineOrSkip();
  if (engine) assert.deepEqual(await assertNoLabelled(engine), []);
});
