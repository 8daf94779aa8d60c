// The quick bounded fuzz round of `npm test`, in process: a few hundred mutated model folders (byte flips,
// truncation, deep nesting, huge strings, structural JSON edits) through folder discovery and every rule.
// `npm run fuzz` runs the same generator for 100k cases; time is measured there, never asserted here.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { loadSeeds } from '../../bench/fuzz/seeds';
import { runCoreCases, makeCase } from '../../bench/fuzz/core';

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

test('400 mutated model folders: no crash, no malformed finding', () => {
  const sum = runCoreCases(seeds, { seed: 20261125, count: 400, scale: 0.1 });
  assert.equal(sum.cases, 400);
  assert.deepEqual(sum.crashes.map((c) => `${c.seed}:${c.index} ${c.from} ${c.file} ${c.ops.join('+')}: ${c.error}`), []);
});
