// One fixture image per MA4xx code: each produces exactly its code, and nothing is left running. MA410 (a warning
// that does not fail the run) has its own test below.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, codesOf, assertNoLabelled, ensureArm64Base, FIXTURES, FAST } from './engine-helpers';

const cases: { dir: string; code: string; opts?: Record<string, unknown>; check: string }[] = [
  { dir: 'ma401-oversized', code: 'MA401', opts: { sizeLimitBytes: 100 * 1024 * 1024 }, check: 'size' },
  { dir: 'ma402-arm64', code: 'MA402', check: 'platform' },
  { dir: 'ma403-crash', code: 'MA403', check: 'start' },
  { dir: 'ma403-no-command', code: 'MA403', check: 'start' },
  { dir: 'ma404-wrong-port', code: 'MA404', opts: { startTimeoutMs: 4000 }, check: 'start' },
  { dir: 'ma405-health-500', code: 'MA405', opts: { startTimeoutMs: 4000 }, check: 'health' },
  { dir: 'ma405-health-hang', code: 'MA405', opts: { startTimeoutMs: 4000 }, check: 'health' },
  { dir: 'ma405-health-false', code: 'MA405', opts: { startTimeoutMs: 4000 }, check: 'health' },
  { dir: 'ma405-health-late', code: 'MA405', check: 'health' },
  { dir: 'ma406-not-found', code: 'MA406', check: 'api POST /predict' },
  { dir: 'ma406-slow', code: 'MA406', opts: { requestTimeoutMs: 1000 }, check: 'api POST /predict' },
  { dir: 'ma406-error', code: 'MA406', check: 'api POST /predict' },
  { dir: 'ma407-schema', code: 'MA407', check: 'api POST /predict' },
  { dir: 'ma408-silent', code: 'MA408', check: 'logs' },
  { dir: 'ma409-batch', code: 'MA409', check: 'batch' },
];

for (const c of cases) {
  test(`${c.dir} gives exactly ${c.code}`, async (t) => {
    const engine = await engineOrSkip();
    if (!engine) return t.skip('no engine');
    if (c.code === 'MA402') await ensureArm64Base(engine);
    const r = await runConformance(path.join(FIXTURES, c.dir), { ...FAST, ...c.opts, engine });
    assert.deepEqual(codesOf(r), [c.code], JSON.stringify(r.checks, null, 1));
    assert.equal(r.passed, false);
    const failed = r.checks.filter((k) => k.status === 'fail').map((k) => k.id);
    assert.deepEqual(failed, [c.check]);
    assert.equal(r.checks.find((k) => k.id === c.check)?.code, c.code);
    const f = r.findings[0];
    assert.ok(f.file.startsWith(path.join(FIXTURES, c.dir)), f.file);
    assert.equal(f.severity, c.code === 'MA408' ? 'warning' : 'error');
  });
}

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

test('MA405: /health answering 200 {"health": "false"} is not healthy (seed-2021), and the message says what it got', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma405-health-false'), { ...FAST, engine, startTimeoutMs: 4000 });
  const f = r.findings.find((x) => x.code === 'MA405')!;
  assert.match(f.message.en, /last answer: HTTP 200 \{"health": "false"\}/);
  assert.match(f.message.en, /HTTP 200 with \{"health": "true"\}/);
});

test('MA405: healthy only after ModelArts\' budget fails, with the budget and how it is computed', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma405-health-late'), { ...FAST, engine });
  const h = r.checks.find((c) => c.id === 'health')!;
  assert.equal(h.status, 'fail');
  assert.match(h.message, /healthy after [5-7]\.\d s; .*→ 2 s\) would fail/);
  const f = r.findings.find((x) => x.code === 'MA405')!;
  assert.match(f.message.en, /initial_delay_seconds 0 \+ period_seconds 1 × \(failure_threshold 2 − 1\) \+ timeout_seconds 1 = 2 s/);
  assert.match(f.message.zh, /= 2 s/);
  // Points at config.json's health.
  assert.ok(f.file.endsWith('config.json'), f.file);
});

test('MA406: an api answering 404 fails with the status', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma406-not-found'), { ...FAST, engine });
  const f = r.findings.find((x) => x.code === 'MA406')!;
  assert.match(f.message.en, /POST \/predict answered HTTP 404: the server has no route for POST \/predict/);
});

test('MA410: a server that ignores SIGTERM is killed after the short wait, warned about, and the run passes', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma410-no-sigterm'), { ...FAST, engine, stopTimeoutS: 2 });
  assert.equal(r.passed, true, JSON.stringify(r.checks, null, 1));
  assert.deepEqual(codesOf(r), ['MA410']);
  assert.deepEqual(r.checks.filter((k) => k.status === 'fail'), []);
  const stop = r.checks.find((k) => k.id === 'stop')!;
  assert.equal(stop.status, 'warn');
  assert.equal(stop.code, 'MA410');
  assert.match(stop.message, /did not stop within 2 s of SIGTERM; in-flight requests would be cut when ModelArts stops it after 90 s/);
  const f = r.findings[0];
  assert.equal(f.severity, 'warning');
  assert.ok(f.file.endsWith('Dockerfile'), f.file);
  assert.match(f.message.zh, /2 秒内未退出；ModelArts 会在 90 秒后强制停止它/);
  // Waited about the 2 s asked, not ModelArts' 90 s.
  assert.ok(r.timings.stop < 10_000, String(r.timings.stop));
});

test('MA410 set to error by the rules setting fails the run', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma410-no-sigterm'), { ...FAST, engine, stopTimeoutS: 1, rules: { MA410: 'error' } });
  assert.equal(r.passed, false);
  assert.equal(r.checks.find((k) => k.id === 'stop')!.status, 'fail');
});

test('MA401 names the biggest layer of the Dockerfile with its line', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma401-oversized'), { ...FAST, engine, sizeLimitBytes: 100 * 1024 * 1024 });
  const size = r.checks.find((c) => c.id === 'size')!;
  assert.ok(size.details?.some((d) => /line 3: RUN head -c 5000000/.test(d)), size.details?.join('\n'));
  // The finding sits on that RUN line.
  const f = r.findings.find((x) => x.code === 'MA401')!;
  assert.equal(f.range.start.line, 2);
});

test('the health check reports ModelArts timing for a good image', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'good'), { ...FAST, engine });
  assert.equal(r.passed, true, JSON.stringify(r.checks, null, 1));
  assert.deepEqual(r.findings, []);
  const h = r.checks.find((c) => c.id === 'health')!;
  assert.match(h.message, /healthy after \d+\.\d s; ModelArts' timing .* would pass/);
  for (const k of ['build', 'start', 'serving', 'healthy', 'stop', 'total', 'overhead']) assert.equal(typeof r.timings[k], 'number', k);
});

after(async () => {
  const engine = await engineOrSkip();
  if (engine) assert.deepEqual(await assertNoLabelled(engine), []);
});
