// The quick bounded fuzz round against the spawned server (dist/server.js --stdio): random incremental edits,
// whole-text replacements by mutated files, and completion/hover/code-action requests. Asserts the process lives,
// every request is answered without error, every checked version gets its diagnostics and nothing is logged
// as failed (the server's handlers log instead of crashing, so a log line is how a crash shows).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadSeeds } from '../../bench/fuzz/seeds';
import { runServerRound } from '../../bench/fuzz/server';

test('200 random edits and requests against the server: no crash, every request answered', async () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (e: unknown) => unhandled.push(e);
  process.on('unhandledRejection', onUnhandled);
  try {
    const sum = await runServerRound(loadSeeds(), { seed: 20261125, count: 200, scale: 0.1 });
    assert.equal(sum.cases, 200);
    assert.deepEqual(sum.crashes.map((c) => `${c.index} ${c.file} ${c.ops.join('+')}: ${c.error}`), []);
    assert.ok(sum.requests > 20, `${sum.requests} requests answered`);
    assert.ok(sum.publishes > 10, `${sum.publishes} publishes waited for`);
    assert.deepEqual(unhandled, []);
  } finally {
    process.off('unhandledRejection', onUnhandled);
  }
});
