// One fixture image per MA4xx code: each produces exactly its code, and nothing is left running.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConformance } from '../../client/src/engine/conformance';
import { engineOrSkip, codesOf, assertNoLabelled, ensureArm64Base, FIXTURES, FAST } from './engine-helpers';

const cases: { dir: string; code: string; opts?: Record<string, unknown>; check: string }[] = [
  { dir: 'ma401-oversized', code: 'MA401', opts: { sizeLimitBytes: 100 * 1024 * 1024 }, check: 'size' },
  { dir: 'ma402-arm64', code: 'MA402', check: 'platform' },
  { dir: 'ma403-crash', code: 'MA403', check: 'start' },
  { dir: 'ma403-no-command', code: 'MA403', check: 'start' },
  { dir: 'ma404-wrong-port', code: 'MA404', opts: { startTimeoutMs: 4000 }, check: 'start' },
  { dir: 'ma405-health-500', code: 'MA405', opts: { startTimeoutMs: 4000 }, check: 'health' },
  { dir: 'ma405-health-hang', code: 'MA405', opts: { startTimeoutMs: 4000 }, check: 'health' },
  { dir: 'ma406-slow', code: 'MA406', opts: { requestTimeoutMs: 1000 }, check: 'api POST /predict' },
  { dir: 'ma406-error', code: 'MA406', check: 'api POST /predict' },
  { dir: 'ma407-schema', code: 'MA407', check: 'api POST /predict' },
  { dir: 'ma408-silent', code: 'MA408', check: 'logs' },
  { dir: 'ma409-batch', code: 'MA409', check: 'batch' },
  { dir: 'ma410-no-sigterm', code: 'MA410', opts: { stopTimeoutS: 2 }, check: 'stop' },
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
    assert.equal(f.severity, c.code === 'MA408' || c.code === 'MA410' ? 'warning' : 'error');
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
