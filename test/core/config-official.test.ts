// The eight official example configs of the ModelArts docs (digest §1.10): exactly their known typos are found,
// and nothing else at warning or error level. Example 8 is an `apis` snippet in the docs; it is wrapped with
// model_algorithm/model_type so that it is a whole config.json.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, serious, readFixture, FIXTURES } from './config-helpers';

const EXPECTED: Record<string, string[]> = {
  '1-object-detection.json': [],
  '2-image-classification.json': [],
  '3-predict-analysis.json': [],
  '4-custom-image.json': [],
  // The XGBoost example's predict_result typed number with a string sample is a doc oddity, not a finding.
  '5-xgboost.json': ['MA115'],
  '6-custom-dependency.json': ['MA104', 'MA114', 'MA115'],
  '7-custom-image-tutorial.json': [],
  '8-apis-code-example.json': ['MA114', 'MA115'],
};

test('all eight official examples are present', () => {
  assert.deepEqual(fs.readdirSync(path.join(FIXTURES, 'official')).sort(), Object.keys(EXPECTED).sort());
});

for (const [file, want] of Object.entries(EXPECTED)) {
  test(`official example ${file}: ${want.join(', ') || 'clean'}`, () => {
    const found = serious(check(readFixture('official', file)));
    assert.deepEqual(found.map((f) => f.code).sort(), want, JSON.stringify(found.map((f) => f.message.en)));
  });
}

test('the typo findings name the fix', () => {
  const fs6 = check(readFixture('official', '6-custom-dependency.json'));
  const byCode = Object.fromEntries(fs6.map((f) => [f.code, f]));
  assert.match(byCode.MA104.message.en, /did you mean "protocol"/);
  assert.equal(byCode.MA104.fixes?.[0].edits[0].newText, '"protocol"');
  assert.equal(byCode.MA115.fixes?.[0].edits[0].newText, '"application/json"');
  assert.equal(byCode.MA114.fixes?.[0].edits[0].newText, '"items"');
  assert.match(byCode.MA104.message.zh, /protocol/);
});

test('Image examples without health get MA116 as info under seed-2021', () => {
  const f = check(readFixture('official', '4-custom-image.json'));
  assert.deepEqual(f.map((x) => [x.code, x.severity]), [['MA116', 'info']]);
});

test('no official example gets an error: their typos are imported by ModelArts, so they are warnings', () => {
  for (const file of Object.keys(EXPECTED)) {
    for (const profile of ['seed-2021', 'current'] as const) {
      const errors = check(readFixture('official', file), { profile }).filter((f) => f.severity === 'error');
      assert.deepEqual(errors.map((f) => f.code), [], `${file} (${profile})`);
    }
  }
});
