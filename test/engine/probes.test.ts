// The probes as today's ModelArts runs them, on the real engine: the deployment's port, startup/readiness/liveness
// (HTTP and EXEC) judged at the platform's budget, bad answers told as they come. MA404/MA405's own cases are in
// test/rules/MA404.test.ts and MA405.test.ts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConformance, type ConformanceOptions, type ProbeReport, type Report } from '../../engine/conformance';
import { engineOrSkip, codesOf, FIXTURES, FAST } from './engine-helpers';
import { noContainersAfter } from '../helpers/imageRule';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../helpers/tmp';

/** Far longer than any answer should take: a run that ends well before it waited out no timeout. */
const LONG = 60_000;

async function run(t: { skip(m: string): void }, dir: string, opts: Partial<ConformanceOptions> = {}) {
  const engine = await engineOrSkip();
  if (!engine) return void t.skip('no engine');
  const events: ProbeReport[] = [];
  const t0 = Date.now();
  const r = await runConformance(path.join(FIXTURES, dir), { ...FAST, startTimeoutMs: LONG, engine, ...opts }, { onProbe: (e) => events.push(e) });
  return { r, events, ms: Date.now() - t0 };
}

const check = (r: Report, id: string) => r.checks.find((c) => c.id === id)!;

test('port 9000 from modelarts-deploy.json: published, probed and served on 9000; the report says where the port came from', async (t) => {
  const x = await run(t, 'port-9000', { profile: 'current' });
  if (!x) return;
  const { r } = x;
  assert.equal(r.passed, true, JSON.stringify(r.checks, null, 1));
  assert.deepEqual(r.port, { port: 9000, from: 'deploy' });
  assert.equal(check(r, 'start').title.en, 'Serve on port 9000');
  assert.match(check(r, 'start').message.en, /^answering on 9000 after \d+\.\d s \(127\.0\.0\.1:\d+\) as 1000:100 \(ma-user, as ModelArts runs it\)$/);
  assert.match(check(r, 'readiness').message.en, /^succeeded after \d+\.\d s; ModelArts' timing \(.* → 3 s\) would pass$/);
  assert.equal(check(r, 'readiness').title.en, 'Readiness probe /health');
});

test('seed-2021 ignores the deployment file\'s port: 8080, and the server on 9000 is MA404 naming both ports', async (t) => {
  const x = await run(t, 'port-9000', { deployment: { port: 9000 } });
  if (!x) return;
  assert.deepEqual(x.r.port, { port: 8080, from: 'profile' });
  assert.match(check(x.r, 'start').message.en, /^listens on 0\.0\.0\.0:9000, not 8080/);
  assert.ok(x.ms < 15_000, `${x.ms} ms`);
});

test('an EXEC readiness probe that exits 0 passes fast, run as the container\'s user', async (t) => {
  const x = await run(t, 'probe-exec', { profile: 'current' });
  if (!x) return;
  const { r, events } = x;
  assert.equal(r.passed, true, JSON.stringify(r.checks, null, 1));
  const c = check(r, 'readiness');
  assert.equal(c.title.en, 'Readiness probe /home/ma-user/health.sh');
  assert.match(c.message.en, /^succeeded after \d+\.\d s; ModelArts' timing \(delay 0 s, every 1 s, 3 failures, timeout 2 s → 4 s\) would pass$/);
  assert.ok(c.durationMs < 4000, `${c.durationMs} ms`);
  assert.deepEqual(events, []);
});

test('an EXEC readiness probe that exits 1: told live once, failed at its 4 s budget; it ran as the container\'s user (uid 1000)', async (t) => {
  const x = await run(t, 'probe-exec', { profile: 'current', env: { HEALTH_EXIT: '1' } });
  if (!x) return;
  const { r, events, ms } = x;
  assert.deepEqual(codesOf(r), ['MA405']);
  // The finding sits where the probe was configured: the deployment file's readiness probe (line 4, 0-based 3).
  const f = r.findings.find((x) => x.code === 'MA405')!;
  assert.equal(path.basename(f.file), 'modelarts-deploy.json');
  assert.equal(f.range.start.line, 3);
  const c = check(r, 'readiness');
  assert.equal(c.message.en, "/home/ma-user/health.sh: exit 1: model not loaded (uid 1000) until ModelArts' budget of 4 s ran out (expected exit code 0)");
  assert.ok(c.durationMs >= 3900 && c.durationMs < 8000, `${c.durationMs} ms`);
  assert.ok(ms < 30_000, `${ms} ms`);
  // The first failure as it came, then the count of its repeats, nothing more: no flood.
  const text = { en: 'exit 1: model not loaded (uid 1000)', zh: '退出码 1：model not loaded (uid 1000)' };
  assert.deepEqual(events[0], { check: 'readiness', afterMs: events[0].afterMs, text, count: 1 });
  assert.equal(events.length, 2, JSON.stringify(events));
  assert.ok(events[1].count >= 3, JSON.stringify(events));
});

test('current: readiness gates the requests, liveness is probed once more after them', async (t) => {
  const x = await run(t, 'ma405-health-late', { profile: 'current' });
  if (!x) return;
  const { r } = x;
  // The startup probe failed at its budget: readiness never ran, liveness and the api are skipped with the reason.
  assert.equal(check(r, 'startup').status, 'fail');
  assert.equal(check(r, 'liveness').status, 'skip');
  assert.equal(check(r, 'liveness').message.en, 'the startup probe did not succeed');
  assert.equal(check(r, 'api POST /predict').message.en, 'the startup probe did not succeed: ModelArts sends the service no requests');
  const good = await run(t, 'good', { profile: 'current' });
  if (!good) return;
  const l = check(good.r, 'liveness');
  assert.equal(good.r.passed, true, JSON.stringify(good.r.checks, null, 1));
  // config.json's health is the liveness probe under current: after the requests, probed again.
  assert.match(l.message.en, /; again after the requests: HTTP 200 \{"health": "true"\}$/);
  const ids = good.r.checks.map((c) => c.id);
  assert.ok(ids.indexOf('liveness') > ids.indexOf('api POST /predict'), ids.join(' '));
});

test('the CLI tells each bad answer on stderr as it comes, then the count of its repeats, in the report\'s language', async (t) => {
  if (!(await engineOrSkip())) return t.skip('no engine');
  const cli = path.join(repoRoot, 'dist', 'cli.js');
  const dir = path.join(FIXTURES, 'ma405-health-late');
  for (const [lang, first, again] of [
    ['en', /^ {6}✘ health check \d+\.\d s: HTTP 503 \{"health": "false"\}$/, /^ {6}✘ health check \d+\.\d s: the same ×\d+$/],
    ['zh-cn', /^ {6}✘ 健康检查 \d+\.\d s：HTTP 503 \{"health": "false"\}$/, /^ {6}✘ 健康检查 \d+\.\d s：相同 ×\d+$/],
  ] as const) {
    const r = spawnSync(process.execPath, [cli, 'test', dir, '--lang', lang, '--stop-timeout', '2'], { encoding: 'utf8' });
    assert.equal(r.status, 1, r.stdout + r.stderr);
    // Before the server listens an attempt may be refused; from the first 503 on: that answer, then its count, once.
    const lines = r.stderr.split('\n').filter((l) => l.includes('✘'));
    const at = lines.findIndex((l) => first.test(l));
    assert.ok(at >= 0, r.stderr);
    assert.equal(lines.length, at + 2, r.stderr);
    assert.match(lines[at + 1], again);
  }
});

noContainersAfter();
