// Runs last (files run in name order, one at a time): after the whole engine suite no labelled container remains.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { engineOrSkip, assertNoLabelled } from './engine-helpers';

test('no container labelled modelarts-image-kit=1 remains after the suite', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  assert.deepEqual(await assertNoLabelled(engine), []);
});
