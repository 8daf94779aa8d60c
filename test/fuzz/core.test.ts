// The quick bounded fuzz round of `npm test`, in process: a few hundred mutated model folders (byte flips,
// truncation, deep nesting, huge strings, structural JSON edits) through folder discovery and every rule.
// `npm run fuzz` runs the same generator for 100k cases; time is measured there, never asserted here. A rule
// exception counts as a crash, and each case runs under a time limit (in a worker: bench/fuzz/guard.ts).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadSeeds } from '../../bench/fuzz/seeds';
import { runCoreCases, makeCase } from '../../bench/fuzz/core';
import { runGuardedCoreCases } from '../../bench/fuzz/guard';
import { dockerfileRules } from '../../core/rules/dockerfile';
import { coded, ruleCodeOf } from '../../core/rules/isolate';

const seeds = loadSeeds();

test('the generator is deterministic: a case is the same from its seed and index alone', () => {
  const a = makeCase(seeds, 42, 17, 0.1);
  const b = makeCase(seeds, 42, 17, 0.1);
  assert.deepEqual(a, b);
  assert.notDeepEqual(makeCase(seeds, 42, 18, 0.1).files, a.files);
});

test('mutations change the files they pick', () => {
  let changed = 0;
  for (let i = 0; i < 50; i++) {
    const c = makeCase(seeds, 3, i, 0.1);
    const seed = seeds.find((s) => s.name === c.from)!;
    if (seed.files[c.file] !== c.files[c.file]) changed++;
  }
  assert.ok(changed >= 40, `${changed} of 50 cases changed their file`);
});

test('400 mutated model folders: no crash, no rule exception, no malformed finding, no case over the limit', async () => {
  const sum = await runGuardedCoreCases(seeds, { seed: 20261125, count: 400, scale: 0.1, caseLimitMs: 20_000 });
  assert.equal(sum.cases, 400);
  assert.deepEqual(sum.crashes.map((c) => `${c.seed}:${c.index} ${c.from} ${c.file} ${c.ops.join('+')}: ${c.error}`), []);
  assert.deepEqual(sum.hangs, []);
});

test('the deployment file is fuzzed too: 300 cases from the seeds that have one, no crash, no case over the limit', async () => {
  const withDeploy = seeds.filter((s) => s.files['modelarts-deploy.json'] !== undefined);
  assert.ok(withDeploy.length >= 1, 'a seed folder with a deployment file (test/corpus/deploy-file-probes)');
  const picked = Array.from({ length: 300 }, (_, i) => makeCase(withDeploy, 20261126, i, 0.1).file).filter((f) => f === 'modelarts-deploy.json');
  assert.ok(picked.length >= 60, `${picked.length} of 300 cases mutate the deployment file`);
  const sum = await runGuardedCoreCases(withDeploy, { seed: 20261126, count: 300, scale: 0.1, caseLimitMs: 20_000 });
  assert.deepEqual(sum.crashes.map((c) => `${c.seed}:${c.index} ${c.file} ${c.ops.join('+')}: ${c.error}`), []);
  assert.deepEqual(sum.hangs, []);
});

// The two faults below cannot come from a real input: the harness itself is under test, so a registry entry is
// swapped for a throwing rule, and the worker is told to loop at one case.
test('a rule exception is a crash, named by its rule code (the check alone would swallow it)', () => {
  const at = dockerfileRules.findIndex((r) => ruleCodeOf(r) === 'MA203');
  const original = dockerfileRules[at];
  dockerfileRules[at] = coded('MA203', () => { throw new Error('injected'); });
  let sum;
  try {
    sum = runCoreCases(seeds, { seed: 7, count: 40, scale: 0.1 });
  } finally {
    dockerfileRules[at] = original;
  }
  assert.ok(sum.crashes.length >= 10, `${sum.crashes.length} crashes`);
  assert.ok(sum.crashes.every((c) => c.error.startsWith('Error: rule MA203 failed: Error: injected')), sum.crashes[0]?.error);
});

test('a case over the time limit is a hang with its seed and index, and the run goes on after it', async () => {
  const sum = await runGuardedCoreCases(seeds, { seed: 11, count: 30, scale: 0.1, caseLimitMs: 1000, inject: { hangAt: 12 } });
  assert.deepEqual(sum.hangs.map((h) => [h.seed, h.index, h.limitMs]), [[11, 12, 1000]]);
  assert.equal(sum.hangs[0].file, makeCase(seeds, 11, 12, 0.1).file);
  assert.equal(sum.cases, 30);
  assert.deepEqual(sum.crashes, []);
});

test('the worker counts rule exceptions too', async () => {
  const sum = await runGuardedCoreCases(seeds, { seed: 7, count: 40, scale: 0.1, inject: { throwIn: 'MA201' } });
  assert.ok(sum.crashes.length >= 10 && sum.crashes.every((c) => /rule MA201 failed/.test(c.error)), `${sum.crashes.length} crashes`);
});
