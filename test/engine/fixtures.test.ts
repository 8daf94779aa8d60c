// A correct image passes every check with ModelArts' timing in its health line, and nothing is left running. Each
// MA4xx code's fixtures and page examples are tested in test/rules/MA4xx.test.ts.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, assertNoLabelled, FIXTURES, FAST } from './engine-helpers';

test('the health check reports ModelArts timing for a good image', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'good'), { ...FAST, engine });
  assert.equal(r.passed, true, JSON.stringify(r.checks, null, 1));
  assert.deepEqual(r.findings, []);
  const h = r.checks.find((c) => c.id === 'health')!;
  assert.match(h.message.en, /healthy after \d+\.\d s; ModelArts' timing .* would pass/);
  for (const k of ['build', 'start', 'serving', 'healthy', 'stop', 'total', 'overhead']) assert.equal(typeof r.timings[k], 'number', k);
});

after(async () => {
  const engine = await engineOrSkip();
  if (engine) assert.deepEqual(await assertNoLabelled(engine), []);
});
