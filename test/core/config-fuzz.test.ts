// Property tests: whatever the text, the config rules return findings with ranges inside the text and never throw.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { check, json, readFixture, FIXTURES } from './config-helpers';
import { failOnRuleErrors, timed } from '../helpers/rule-errors';

// A rule that throws fails the property (the check would only warn), and every run has a time limit. Fixed seeds:
// a failure, or a run that never ends, is replayed by running the file again.
failOnRuleErrors();

const official = fs.readdirSync(path.join(FIXTURES, 'official')).map((f) => readFixture('official', f));

function rangesInside(text: string): void {
  const lines = text.split('\n');
  for (const f of timed('the config check', () => check(text))) {
    assert.ok(f.range.start.line < lines.length || (f.range.start.line === 0 && text === ''), `${f.code} line in text`);
    assert.ok(f.range.end.line < lines.length + 1);
    assert.ok(f.message.en.length > 0 && f.message.zh.length > 0);
  }
}

test('edits of the official examples never crash the rules', () => {
  fc.assert(
    fc.property(fc.integer({ min: 0, max: official.length - 1 }), fc.nat(), fc.nat({ max: 20 }), fc.string({ maxLength: 5 }), (i, at, del, ins) => {
      const t = official[i];
      const p = at % (t.length + 1);
      rangesInside(t.slice(0, p) + ins + t.slice(p + del));
    }),
    { numRuns: 300, seed: 20261202 },
  );
});

test('arbitrary JSON values in config fields never crash the rules', () => {
  const keys = fc.constantFrom('model_algorithm', 'model_type', 'runtime', 'apis', 'health', 'metrics', 'dependencies', 'swr_location', 'port', 'x');
  fc.assert(
    fc.property(fc.dictionary(keys, fc.jsonValue({ maxDepth: 4 })), fc.constantFrom('Image', 'TensorFlow', 'XGBoost', 5), (obj, type) => {
      rangesInside(json({ model_type: type, ...obj }));
    }),
    { numRuns: 300, seed: 20261203 },
  );
});

test('arbitrary apis, health and dependencies entries never crash the rules', () => {
  const v = fc.jsonValue({ maxDepth: 3 });
  const api = fc.dictionary(fc.constantFrom('url', 'method', 'protocol', 'procotol', 'request', 'response'),
    fc.oneof(v, fc.dictionary(fc.constantFrom('Content-type', 'data'),
    fc.oneof(v, fc.dictionary(fc.constantFrom('type', 'properties', 'items', 'item', 'required'), v)))));
  const health = fc.dictionary(fc.constantFrom('url', 'protocol', 'initial_delay_seconds', 'timeout_seconds', 'period_seconds', 'failure_threshold',
    'check_method', 'command'), v);
  const pkg = fc.dictionary(fc.constantFrom('package_name', 'package_version', 'restraint'), fc.oneof(fc.constantFrom('', 'EXACT', '1.0'), v));
  fc.assert(
    fc.property(fc.array(api, { maxLength: 3 }), health, fc.array(pkg, { maxLength: 3 }), fc.constantFrom('Image', 'PyTorch', 'Scikit_Learn'),
      (apis, h, packages, type) => {
      rangesInside(json({ model_algorithm: 'a', model_type: type, apis, health: h, dependencies: [{ installer: 'pip', packages }] }));
    }),
    { numRuns: 300, seed: 20261204 },
  );
});
