// MA412: The server closes idle kept-alive connections before the gateway does — on the real engine, under current.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, codesOf, FIXTURES, FAST } from '../engine/engine-helpers';
import { docExamples, noContainersAfter } from '../helpers/imageRule';

// The fixture closes a connection idle for 1 s; the pause is lowered from 6 s to 2.5 s.
const CURRENT = { ...FAST, profile: 'current', keepAliveIdleMs: 2500 } as const;

test('a server closing an idle kept-alive connection after 1 s: MA412 warns with the figure and the fix, the run passes', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma412-keepalive-short'), { ...CURRENT, engine });
  assert.equal(r.passed, true, JSON.stringify(r.checks, null, 1));
  assert.deepEqual(codesOf(r), ['MA412']);
  const k = r.checks.find((c) => c.id === 'keep-alive')!;
  assert.equal(k.status, 'warn');
  assert.equal(k.code, 'MA412');
  const [, after] = /^closed an idle kept-alive connection (\d+\.\d) s after its answer; the gateway reuses connections for 200 s$/.exec(k.message.en) ?? [];
  assert.ok(after, k.message.en);
  assert.ok(Number(after) >= 0.9 && Number(after) < 2.5, k.message.en);
  const f = r.findings[0];
  assert.equal(f.severity, 'warning');
  assert.ok(f.file.endsWith('Dockerfile'));
  assert.match(f.message.en, /without `Connection: close`; the API gateway reuses a connection for up to 200 s, /);
  assert.match(f.message.en, /ModelArts\.4503 "backend service not found or failed to respond"/);
  assert.match(f.message.en, /gunicorn `--keep-alive 200`.*uvicorn `--timeout-keep-alive 200`/);
  assert.match(f.message.zh, /关闭了空闲的长连接/);
});

test('a server keeping the connection: the second request after the pause is answered on it', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const t0 = Date.now();
  const r = await runConformance(path.join(FIXTURES, 'keepalive-200'), { ...CURRENT, engine });
  assert.deepEqual(codesOf(r), []);
  assert.equal(r.checks.find((c) => c.id === 'keep-alive')!.message.en, 'a second request on the same connection after 2.5 s idle: HTTP 200');
  // Generous: the pause is not waited out twice, nor the request timeout.
  assert.ok(Date.now() - t0 < 30_000);
});

test('a server that closes each connection (HTTP/1.0): an MA412 info note, not a warning', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'good'), { ...CURRENT, engine, keepAliveIdleMs: 100 });
  assert.equal(r.passed, true);
  const k = r.checks.find((c) => c.id === 'keep-alive')!;
  assert.equal(k.status, 'pass');
  assert.equal(k.message.en, 'MA412 info: answers with HTTP/1.0 without keep-alive: a new connection per request');
  assert.deepEqual(r.findings.map((f) => [f.code, f.severity]), [['MA412', 'info']]);
});

test('seed-2021: no keep-alive check', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma412-keepalive-short'), { ...FAST, engine });
  assert.equal(r.checks.find((c) => c.id === 'keep-alive'), undefined);
  assert.deepEqual(codesOf(r), []);
});

docExamples('MA412');

noContainersAfter();
