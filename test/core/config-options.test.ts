// Settings and robustness of the config.json rules: profile, severity overrides, 'off', unreadable input.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, codes, json } from './config-helpers';

const noHealth = json({ model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/' }] });

test('profile: MA116 is info under seed-2021 and a warning under current', () => {
  assert.equal(check(noHealth, { profile: 'seed-2021' })[0].severity, 'info');
  assert.equal(check(noHealth, { profile: 'current' })[0].severity, 'warning');
});

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

test('binary content gives one clear MA100 and nothing else', () => {
  const text = '{"model_type": "Image"\u0000\u0001\u0002' + 'x'.repeat(1000);
  const fs = check(text);
  assert.deepEqual(codes(fs), ['MA100']);
  assert.match(fs[0].message.en, /not a text file/);
  assert.deepEqual(fs[0].range.start, { line: 0, character: 0 });
});

test('a 50 MB config gives one clear MA100 and nothing else', () => {
  const big = '{"model_type": "Image", "model_algorithm": "a", "x": "' + 'a'.repeat(50 * 1024 * 1024) + '"}';
  const fs = check(big);
  assert.deepEqual(codes(fs), ['MA100']);
  assert.match(fs[0].message.en, /larger than 5 MB/);
});

test('deeply nested and odd input does not crash', () => {
  const deep = '{"model_algorithm": "a", "model_type": "Image", "apis": [{"url": "/", "request": {"data": ' +
    '{"type": "object", "properties": {"a": '.repeat(200) + '{}' + '}}'.repeat(200) + '}}]}';
  assert.ok(Array.isArray(check(deep)));
  for (const t of ['{', '}', '{"a":', 'null', '"x"', '{"model_type": }', '{"apis": [,]}', '\uFEFF{}', '{"model_type": "Image", "model_type": 5}']) {
    assert.ok(Array.isArray(check(t)), t);
  }
});

test('a duplicated key: the last one counts (as in JSON.parse)', () => {
  const t = '{"model_algorithm": "a", "model_type": 5, "model_type": "TensorFlow"}';
  assert.deepEqual(codes(check(t)), []);
});
