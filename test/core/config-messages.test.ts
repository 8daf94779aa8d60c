// Messages that must not mislead: an https:// SWR address names the scheme, metric spellings get their
// did-you-mean, a key in the wrong object says where it belongs, and an undocumented field gets one verdict.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, check, codes, goodImage, json } from './config-helpers';

const withTop = (extra: Record<string, unknown>) => json({ ...goodImage(), ...extra });

test('swr_location with https:// says the scheme is the problem, and the fix removes it', () => {
  const text = withTop({ swr_location: 'https://swr.cn-north-4.myhuaweicloud.com/org/repo:1.0' });
  const f = check(text).find((x) => x.code === 'MA117')!;
  assert.match(f.message.en, /starts with "https:\/\/": an image address has no scheme/);
  assert.doesNotMatch(f.message.en, /host "https:"/);
  assert.match(f.message.zh, /协议头/);
  const fixed = applyEdits(text, f.fixes![0].edits);
  assert.equal(JSON.parse(fixed).swr_location, 'swr.cn-north-4.myhuaweicloud.com/org/repo:1.0');
  assert.ok(!codes(check(fixed)).includes('MA117'));
});

test('misspelt metrics get a did-you-mean with a rename fix', () => {
  const text = withTop({ metrics: { f1_score: 0.5, Accuracy: 0.9, recall_score: 0.8, precision_score: 0.7 } });
  const fs = check(text).filter((f) => f.code === 'MA104');
  const want: Record<string, string> = { f1_score: 'f1', Accuracy: 'accuracy', recall_score: 'recall', precision_score: 'precision' };
  assert.equal(fs.length, 4);
  for (const [bad, good] of Object.entries(want)) {
    const f = fs.find((x) => x.message.en.includes(`"${bad}"`))!;
    assert.ok(f.message.en.includes(`did you mean "${good}"`), f.message.en);
    assert.equal(f.fixes?.[0].edits[0].newText, JSON.stringify(good));
  }
});

test('a key in the wrong object says where it belongs', () => {
  const text = withTop({ request: { 'Content-type': 'application/json' }, method: 'post' });
  const at = (key: string) => check(text).find((f) => f.code === 'MA104' && f.message.en.startsWith(`"${key}"`))!;
  assert.match(at('request').message.en, /does not belong in config\.json's top level: it belongs inside an apis entry/);
  assert.match(at('request').message.zh, /apis 的某一项/);
  assert.match(at('method').message.en, /inside an apis entry/);
  const api = json({ ...goodImage(),
    apis: [{ url: '/', method: 'post', timeout_seconds: 30, request: { 'Content-type': 'application/json' },
    response: { 'Content-type': 'application/json' } }] });
  const t = check(api).find((f) => f.code === 'MA104')!;
  assert.match(t.message.en, /"timeout_seconds" does not belong in apis\[0\]: it belongs inside health/);
  const protocol = check(withTop({ protocol: 'https' })).find((f) => f.code === 'MA104')!;
  assert.equal(protocol.severity, 'info');
  assert.match(protocol.message.en, /belongs inside an apis entry \(apis\[i\]\) or inside health/);
  const url = check(withTop({ url: '/predict' })).find((f) => f.code === 'MA104')!;
  assert.match(url.message.en, /inside an apis entry \(apis\[i\]\) or inside health/);
});

test('one field, one verdict: "tunable": "false" is an undocumented field (info), not also a type error', () => {
  const fs = check(withTop({ tunable: 'false', downloadable_flag: 'yes' }));
  assert.deepEqual(fs.map((f) => `${f.code}:${f.severity}`).sort(), ['MA104:info', 'MA104:info']);
});

test('no two findings of one code on one range, over every case and message fixture above', () => {
  for (const text of [withTop({ tunable: 'false', metrics: { f1_score: '0.5' } }), withTop({ swr_location: 'http://x/y' }), json({ model_type: 'Image', apis: [{ url: 'p', procotol: 'http' }] })]) {
    const keys = check(text).map((f) => `${f.code}@${f.range.start.line}:${f.range.start.character}`);
    assert.equal(new Set(keys).size, keys.length, keys.join(' '));
  }
});
