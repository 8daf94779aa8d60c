// The config.json rules together: one problem gives one finding, and a broken file is judged only where its tree
// is the one the author meant. Each rule's own cases are in test/rules/MA1xx.test.ts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, codes, json, img } from './config-helpers';
import { RULE_MODULES } from '../../core/rules/registry';
import type { ConfigRule } from '../../core/analysis/config/rule';

test('every config code MA100..MA119 has its own test file with a triggering case', () => {
  for (let i = 100; i <= 119; i++) {
    const file = path.join(__dirname, '..', 'rules', `MA${i}.test.ts`);
    assert.ok(fs.existsSync(file), file);
    assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`ruleTester\\('MA${i}'`), file);
  }
});

test('one problem gives one finding', () => {
  // applicaton/json breaks the enum and (for XGBoost) the JSON-only rule: only MA115 is reported.
  const x = json({ model_algorithm: 'a', model_type: 'XGBoost', apis: [{ url: '/', response: { 'Content-type': 'applicaton/json' } }] });
  assert.deepEqual(codes(check(x)), ['MA115']);
  // A misspelled required key: the rename (MA104) fixes the missing field too, so no MA101.
  assert.deepEqual(codes(check(img({ health: { ulr: '/health' } }))), ['MA104']);
  // A model_algorithm both too long and starting with a digit: one MA105.
  assert.deepEqual(codes(check(img({ model_algorithm: '9' + 'a'.repeat(40) }))), ['MA105']);
});

test('broken JSON: rules still run on what parsed, but nothing is reported missing', () => {
  const text = '{\n  "model_algorithm": "a",\n  "model_type": "Image"\n  "apis": [{"url": "predict"}]\n';
  const c = codes(check(text));
  assert.ok(c.includes('MA100'));
  assert.ok(c.includes('MA113'), 'the api url is still checked');
  assert.ok(!c.includes('MA101') && !c.includes('MA116'));
});

test('broken JSON: a value still being typed is not judged', () => {
  const text = '{"model_algorithm": "a", "model_type": "TensorFl';
  assert.deepEqual([...new Set(codes(check(text)))], ['MA100']);
});

test('which code wins when several schema errors hit one spot: the rule files\' ranks, in this order', () => {
  const ranked = (RULE_MODULES as readonly ConfigRule[]).filter((m) => m.meta.family === 'config' && m.meta.rank !== undefined);
  const order = [...ranked].sort((a, b) => a.meta.rank! - b.meta.rank!).map((m) => m.meta.code);
  assert.deepEqual(order, [
    'MA102', 'MA115', 'MA107', 'MA108', 'MA106', 'MA110', 'MA105', 'MA111', 'MA112', 'MA113', 'MA114', 'MA119', 'MA103', 'MA117', 'MA101', 'MA104',
  ]);
  assert.equal(new Set(ranked.map((m) => m.meta.rank)).size, ranked.length, 'no two codes share a rank');
});
