// Messages that must not mislead, across rules: no code says the same thing twice on one spot. (Each rule's own
// messages, e.g. MA117 on an https:// address or MA104 on a key in the wrong object, are in test/rules/.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, goodImage, json } from './config-helpers';

const withTop = (extra: Record<string, unknown>) => json({ ...goodImage(), ...extra });

test('no two findings of one code on one range, over texts that mix undocumented, misspelt and mistyped fields', () => {
  const texts = [
    withTop({ tunable: 'false', metrics: { f1_score: '0.5' } }),
    withTop({ swr_location: 'http://x/y' }),
    json({ model_type: 'Image', apis: [{ url: 'p', procotol: 'http' }] }),
  ];
  for (const text of texts) {
    const keys = check(text).map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`);
    assert.equal(new Set(keys).size, keys.length, keys.join(' '));
  }
});
