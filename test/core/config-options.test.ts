// Settings and robustness of the config.json rules: severity overrides, 'off', odd input. (The profile's severity of
// MA116 and unreadable input are in test/rules/MA116.test.ts and MA100.test.ts.)
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, codes, json } from './config-helpers';

const noHealth = json({ model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/' }] });

test('opts.rules overrides a severity and turns a rule off', () => {
  assert.equal(check(noHealth, { rules: { MA116: 'error' } })[0].severity, 'error');
  assert.deepEqual(check(noHealth, { rules: { MA116: 'off' } }), []);
  const typo = json({ model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/', procotol: 'http' }], health: { url: '/health' } });
  assert.equal(check(typo)[0].severity, 'warning');
  assert.equal(check(typo, { rules: { MA104: 'hint' } })[0].severity, 'hint');
  // An info MA104 (undocumented key) follows the override too.
  const wild = json({ model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/' }], health: { url: '/health' }, port: 8080 });
  assert.deepEqual(check(wild, { rules: { MA104: 'off' } }), []);
});

test('deeply nested and odd input does not crash', () => {
  const deep = '{"model_algorithm": "a", "model_type": "Image", "apis": [{"url": "/", "request": {"data": '
    + '{"type": "object", "properties": {"a": '.repeat(200) + '{}' + '}}'.repeat(200) + '}}]}';
  assert.ok(Array.isArray(check(deep)));
  for (const t of ['{', '}', '{"a":', 'null', '"x"', '{"model_type": }', '{"apis": [,]}', '\uFEFF{}', '{"model_type": "Image", "model_type": 5}']) {
    assert.ok(Array.isArray(check(t)), t);
  }
});

test('a duplicated key: the last one counts (as in JSON.parse)', () => {
  const t = '{"model_algorithm": "a", "model_type": 5, "model_type": "TensorFlow"}';
  assert.deepEqual(codes(check(t)), []);
});
