// MA104: Unknown field.
import * as assert from 'node:assert/strict';
import { configCodes, ruleTester, type Checked } from '../helpers/ruleTester';
import { configOnly, goodImage, img, json, withApi } from '../core/config-helpers';
import type { Finding } from '../../core/types';

const UNDOCUMENTED: Record<string, unknown> = {
  model_source: 'custom', tunable: false, downloadable_flag: true, algorithm: 'x', port: 8080, protocol: 'http',
  readiness_health: { url: '/r' }, startup_health: { url: '/s' },
};
const startingWith = (fs: Finding[], key: string) => fs.find((f) => f.message.en.startsWith(`"${key}"`))!;
const fixedText = (after: Checked) => after.files['config.json'];

ruleTester('MA104', {
  valid: [
    { name: 'close case: protocol', files: configOnly(withApi({ protocol: 'http' })) },
    { name: 'close case: Content-type', files: configOnly(withApi({ request: { 'Content-type': 'application/json' } })) },
  ],
  invalid: [
    { name: 'procotol', files: configOnly(withApi({ procotol: 'http' })) },
    { name: 'Content-Type', files: configOnly(withApi({ request: { 'Content-Type': 'application/json' } })) },
    ...Object.entries(UNDOCUMENTED).map(([k, value]) => ({
      name: `undocumented top-level key ${k} is an info, not a warning`, files: configOnly(img({ [k]: value })), exact: ['MA104'], severity: 'info' as const,
    })),
    { name: 'an unknown top-level key is a warning', files: configOnly(img({ modle_type: 'x' })), exact: ['MA104'], severity: 'warning' },
    {
      name: 'fix: procotol -> protocol',
      files: configOnly(json({ ...goodImage(), apis: [{ procotol: 'http', url: '/' }] })),
      firstFix: (after) => assert.match(fixedText(after), /"protocol": "http"/),
    },
    {
      name: 'fix: Content-Type -> Content-type',
      files: configOnly(json({ ...goodImage(), apis: [{ url: '/', request: { 'Content-Type': 'application/json' } }] })),
      firstFix: (after) => assert.match(fixedText(after), /"Content-type": "application\/json"/),
    },
    {
      name: 'fix: ulr -> url also supplies the missing url',
      files: configOnly(json({ ...goodImage(), health: { ulr: '/health' } })),
      firstFix: (after) => assert.deepEqual(configCodes(after), []),
    },
    {
      name: 'no rename fix when the right key is already there',
      files: configOnly(json({ ...goodImage(), apis: [{ url: '/', protocol: 'http', procotol: 'http' }] })),
      count: 1,
      then: ([f]) => assert.equal(f.fixes, undefined),
    },
    {
      name: 'misspelt metrics get a did-you-mean with a rename fix',
      files: configOnly(img({ metrics: { f1_score: 0.5, Accuracy: 0.9, recall_score: 0.8, precision_score: 0.7 } })),
      count: 4,
      then: (fs) => {
        const want: Record<string, string> = { f1_score: 'f1', Accuracy: 'accuracy', recall_score: 'recall', precision_score: 'precision' };
        for (const [bad, good] of Object.entries(want)) {
          const f = fs.find((x) => x.message.en.includes(`"${bad}"`))!;
          assert.ok(f.message.en.includes(`did you mean "${good}"`), f.message.en);
          assert.equal(f.fixes?.[0].edits[0].newText, JSON.stringify(good));
        }
      },
    },
    {
      name: 'a key in the wrong object says where it belongs: request and method at the top level',
      files: configOnly(img({ request: { 'Content-type': 'application/json' }, method: 'post' })),
      then: (fs) => {
        assert.match(startingWith(fs, 'request').message.en, /does not belong in config\.json's top level: it belongs inside an apis entry/);
        assert.match(startingWith(fs, 'request').message.zh, /apis 的某一项/);
        assert.match(startingWith(fs, 'method').message.en, /inside an apis entry/);
      },
    },
    {
      name: 'a key in the wrong object says where it belongs: timeout_seconds in an api',
      files: configOnly(json({
        ...goodImage(),
        apis: [{
          url: '/', method: 'post', timeout_seconds: 30, request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' },
        }],
      })),
      then: ([t]) => assert.match(t.message.en, /"timeout_seconds" does not belong in apis\[0\]: it belongs inside health/),
    },
    {
      name: 'a key in the wrong object says where it belongs: protocol at the top level (undocumented, an info)',
      files: configOnly(img({ protocol: 'https' })),
      then: ([p]) => {
        assert.equal(p.severity, 'info');
        assert.match(p.message.en, /belongs inside an apis entry \(apis\[i\]\) or inside health/);
      },
    },
    {
      name: 'a key in the wrong object says where it belongs: url at the top level',
      files: configOnly(img({ url: '/predict' })),
      then: ([u]) => assert.match(u.message.en, /inside an apis entry \(apis\[i\]\) or inside health/),
    },
    {
      name: 'one field, one verdict: "tunable": "false" is an undocumented field (info), not also a type error',
      files: configOnly(img({ tunable: 'false', downloadable_flag: 'yes' })),
      exact: ['MA104', 'MA104'],
      severity: 'info',
    },
  ],
});
