// MA405: /health does not answer as required — on the real engine.
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
]);

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

docExamples('MA405');

noContainersAfter();
