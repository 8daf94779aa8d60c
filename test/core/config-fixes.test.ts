// Exact ranges of several config.json rules in one text, and quick fixes of two rules applied one after the other,
// each re-checked clean. Each rule's own ranges and fixes are in test/rules/MA1xx.test.ts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Finding } from '../../core/types';
import { check, codes, json, goodImage, applyEdits } from './config-helpers';

const rangeText = (text: string, f: Finding): string => {
  const lines = text.split('\n');
  const { start, end } = f.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
};

function only(text: string, code: string): Finding {
  const fs = check(text).filter((f) => f.code === code);
  assert.equal(fs.length, 1, `one ${code} in ${JSON.stringify(check(text).map((f) => f.code))}`);
  return fs[0];
}

/** Applies the first fix of the one `code` finding; the result is valid JSON and has no `code` finding left. */
function fixAndRecheck(text: string, code: string): string {
  const f = only(text, code);
  assert.ok(f.fixes?.length, `${code} has a fix`);
  const fixed = applyEdits(text, f.fixes![0].edits);
  const after = check(fixed);
  assert.ok(!codes(after).includes(code), `${code} gone after the fix:\n${fixed}\n${JSON.stringify(after.map((x) => x.message.en))}`);
  assert.ok(!codes(after).includes('MA100'), `fix keeps valid JSON:\n${fixed}`);
  return fixed;
}

test('exact ranges: the key or value at fault', () => {
  const text = json({ ...goodImage(), apis: [{ procotol: 'http', url: 'predict', response: { 'Content-type': 'applicaton/json' } }], metrics: { f1: 2 } });
  assert.equal(rangeText(text, only(text, 'MA104')), '"procotol"');
  assert.equal(rangeText(text, only(text, 'MA113')), '"predict"');
  assert.equal(rangeText(text, only(text, 'MA115')), '"applicaton/json"');
  assert.equal(rangeText(text, only(text, 'MA119')), '2');
  const f = only(text, 'MA104');
  assert.deepEqual(f.range, { start: { line: 5, character: 6 }, end: { line: 5, character: 16 } });
});

test('fix MA115 and MA114 (the official typos)', () => {
  const response = { 'Content-type': 'applicaton/json', data: { type: 'array', item: [{ type: 'string' }] } };
  const t = json({ ...goodImage(), apis: [{ url: '/', response }] });
  const a = fixAndRecheck(t, 'MA115');
  const b = fixAndRecheck(a, 'MA114');
  assert.deepEqual(check(b), []);
  assert.match(b, /"items": \[/);
});

