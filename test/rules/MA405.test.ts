// MA405: A health check or probe fails — on the real engine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, FIXTURES, FAST } from '../engine/engine-helpers';
import { docExamples, fixtureCases, noContainersAfter } from '../helpers/imageRule';

fixtureCases('MA405', [
  { dir: 'ma405-health-500', opts: { startTimeoutMs: 4000 }, check: 'health' },
  { dir: 'ma405-health-hang', opts: { startTimeoutMs: 4000 }, check: 'health' },
  { dir: 'ma405-health-false', opts: { startTimeoutMs: 4000 }, check: 'health' },
  { dir: 'ma405-health-late', check: 'health' },
  { dir: 'ma405-health-late', opts: { profile: 'current' }, check: 'startup' },
  { dir: 'probe-exec', opts: { profile: 'current', env: { HEALTH_EXIT: '1' } }, check: 'readiness' },
  { dir: 'probe-exec-missing', opts: { profile: 'current' }, check: 'startup' },
  { dir: 'probe-url-missing', opts: { profile: 'current' }, check: 'readiness' },
]);

/** Far longer than any answer should take: a run that ends well before it waited out no timeout. */
const LONG = 60_000;

test('MA405: /health answering 200 {"health": "false"} is not healthy (seed-2021), and the message says what it got', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma405-health-false'), { ...FAST, engine, startTimeoutMs: 4000 });
  const f = r.findings.find((x) => x.code === 'MA405')!;
  assert.match(f.message.en, /last answer: HTTP 200 \{"health": "false"\}/);
  assert.match(f.message.en, /HTTP 200 with \{"health": "true"\}/);
});

test('MA405 (seed-2021): not healthy within config.json\'s budget fails at the budget (2 s), not when it turns healthy (5 s)', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const told: string[] = [];
  const r = await runConformance(path.join(FIXTURES, 'ma405-health-late'), { ...FAST, engine, startTimeoutMs: LONG },
    { onProbe: (e) => told.push(`${e.check} ${e.count} ${e.text.en}`) });
  const h = r.checks.find((c) => c.id === 'health')!;
  assert.equal(h.status, 'fail');
  assert.ok(h.durationMs >= 1900 && h.durationMs < 4500, `${h.durationMs} ms`);
  assert.equal(h.message.en, 'GET /health: HTTP 503 {"health": "false"} until ModelArts\' budget of 2 s ran out '
    + '(expected HTTP 200 with {"health": "true"})');
  const f = r.findings.find((x) => x.code === 'MA405')!;
  assert.match(f.message.en, /^The health check GET \/health did not give HTTP 200 with \{"health": "true"\} within ModelArts' budget /);
  assert.match(f.message.en, /\(initial_delay_seconds 0 \+ period_seconds 1 × \(failure_threshold 2 − 1\) \+ timeout_seconds 1 = 2 s\)/);
  assert.match(f.message.en, /= 2 s\): the deployment would fail;/);
  assert.match(f.message.en, /last answer: HTTP 503 \{"health": "false"\}\./);
  assert.match(f.message.zh, /= 2 s）返回 HTTP 200 且应答为 \{"health": "true"\}：部署会失败/);
  // Points at config.json's health; the 503 was told as it came, once.
  assert.ok(f.file.endsWith('config.json'), f.file);
  assert.deepEqual(told.filter((x) => x.endsWith(' 1 HTTP 503 {"health": "false"}')), ['health 1 HTTP 503 {"health": "false"}']);
});

test('MA405 (current): the startup probe\'s budget (4 s, from modelarts-deploy.json), with what the platform then does', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma405-health-late'), { ...FAST, engine, profile: 'current', startTimeoutMs: LONG });
  const s = r.checks.find((c) => c.id === 'startup')!;
  assert.equal(s.title.en, 'Startup probe /health');
  assert.ok(s.durationMs >= 3900 && s.durationMs < 5000, `${s.durationMs} ms`);
  assert.equal(s.message.en, 'GET /health: HTTP 503 {"health": "false"} until ModelArts\' budget of 4 s ran out (expected a 2xx/3xx answer)');
  const f = r.findings.find((x) => x.code === 'MA405')!;
  assert.match(f.message.en, /^The startup probe GET \/health did not give a 2xx\/3xx answer within ModelArts' budget \(initial_delay_seconds 0 /);
  assert.match(f.message.en, /\+ period_seconds 1 × \(failure_threshold 4 − 1\) \+ timeout_seconds 1 = 4 s\)/);
  assert.match(f.message.en, /= 4 s\): ModelArts restarts the container and the deployment fails;/);
  assert.match(f.message.zh, /^健康检查或探针未通过：启动探针 GET \/health 未在 ModelArts 的等待时间内/);
});

test('MA405 (current): an EXEC command missing from the image fails at once with the platform\'s wording', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'probe-exec-missing'), { ...FAST, engine, profile: 'current', startTimeoutMs: LONG });
  const s = r.checks.find((c) => c.id === 'startup')!;
  // Its budget is the console's default, 70 s.
  assert.ok(s.durationMs < 5000, `${s.durationMs} ms`);
  assert.match(s.message.en, /^the health check command \/home\/ma-user\/health\.sh must exist in the image: exit 12[67]: .*health\.sh/);
  const f = r.findings.find((x) => x.code === 'MA405')!;
  assert.match(f.message.en, /^The health check command \/home\/ma-user\/health\.sh of the startup probe must exist in the image and be executable: /);
  assert.match(f.message.en, /ModelArts restarts the container and the deployment fails\.$/);
  assert.match(f.message.zh, /启动探针的健康检查命令 \/home\/ma-user\/health\.sh 必须存在于镜像中且可执行/);
});

test('MA405 (current): a probe url the image does not serve (404) fails at once with the platform\'s wording', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'probe-url-missing'), { ...FAST, engine, profile: 'current', startTimeoutMs: LONG });
  const c = r.checks.find((x) => x.id === 'readiness')!;
  assert.ok(c.durationMs < 5000, `${c.durationMs} ms`);
  assert.match(c.message.en, /^the health check url \/ready must be served by the image: HTTP 404/);
  const f = r.findings.find((x) => x.code === 'MA405')!;
  assert.match(f.message.en, /^The health check url \/ready must be served by the image: the readiness probe GET \/ready got HTTP 404/);
  assert.match(f.message.en, /ModelArts sends the service no requests and the deployment does not become ready\.$/);
});

docExamples('MA405');

noContainersAfter();
