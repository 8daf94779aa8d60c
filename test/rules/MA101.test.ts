// MA101: A required field is missing.
import * as assert from 'node:assert/strict';
import { applyFix, check, configCodes, rangeText, ruleTester } from '../helpers/ruleTester';
import { configOnly, goodImage, img, json, tf } from '../core/config-helpers';

const textOf = (files: Record<string, string>) => files['config.json'];

ruleTester('MA101', {
  valid: [
    { name: 'close case: model_type given', files: configOnly(json({ model_algorithm: 'a', model_type: 'Image' })) },
    { name: 'close case: health.url given', files: configOnly(img({ health: { url: '/health' } })) },
    { name: 'close case: dependency installer given', files: configOnly(tf({ dependencies: [{ installer: 'pip', packages: [] }] })) },
  ],
  invalid: [
    { name: 'model_type missing', files: configOnly(json({ model_algorithm: 'a' })) },
    { name: 'health.url missing', files: configOnly(img({ health: { protocol: 'http' } })) },
    { name: 'dependency installer missing', files: configOnly(tf({ dependencies: [{ packages: [] }] })) },
    {
      name: 'exact ranges: a missing field points at the opening key',
      files: configOnly(json({ model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/' }], health: { protocol: 'http' } })),
      count: 1,
      then: ([f], all) => assert.equal(rangeText(all, f), '"health"'),
    },
    {
      name: 'exact ranges: a field missing at the root points at its brace',
      files: configOnly(json({ model_algorithm: 'a' })),
      count: 1,
      then: ([f], all) => assert.equal(rangeText(all, f), '{'),
    },
    {
      name: 'exact ranges: a field missing in an array item points at its brace',
      files: configOnly(json({ model_algorithm: 'a', model_type: 'TensorFlow', dependencies: [{ installer: 'pip', packages: [{ package_version: '1' }] }] })),
      then: ([f], all) => assert.equal(rangeText(all, f), '{'),
    },
    {
      name: 'fix: inserts the missing field as valid JSON, respecting indentation',
      files: configOnly('{\n    "model_algorithm": "a",\n    "apis": [{"url": "/"}],\n    "health": {"url": "/health"}\n}\n'),
      firstFix: (after) => {
        assert.deepEqual(JSON.parse(textOf(after.files)).model_type, 'Image');
        assert.match(textOf(after.files), /\n {4}"model_type": "Image",\n/);
      },
    },
    {
      name: 'fix: a nested missing field',
      files: configOnly(json({ ...goodImage(), health: { protocol: 'http' } })),
      firstFix: (after) => assert.equal(JSON.parse(textOf(after.files)).health.url, '/health'),
    },
    {
      name: 'fix: two fields missing from {}, applied one after the other, give a clean config',
      files: configOnly('{}'),
      then: (_, all) => {
        let files = all.files;
        for (let i = 0; i < 2; i++) files = applyFix(files, check(files).findings.find((f) => f.code === 'MA101')!.fixes![0]);
        assert.deepEqual(Object.keys(JSON.parse(textOf(files))).sort(), ['model_algorithm', 'model_type']);
        assert.ok(!configCodes(check(files)).includes('MA101'));
      },
    },
    {
      name: 'fix on a one-line config inserts without reformatting the line',
      files: configOnly('{"model_algorithm": "a", "apis": [{"url": "/"}], "health": {"url": "/health"}}'),
      then: ([f], all) => assert.equal(textOf(applyFix(all.files, f.fixes![0])),
        '{"model_type": "Image", "model_algorithm": "a", "apis": [{"url": "/"}], "health": {"url": "/health"}}'),
    },
    {
      name: 'fix in a tab-indented, CRLF file keeps tabs and CRLF',
      files: configOnly('{\r\n\t"model_algorithm": "a",\r\n\t"apis": [{"url": "/"}],\r\n\t"health": {"url": "/health"}\r\n}\r\n'),
      firstFix: (after) => {
        const fixed = textOf(after.files);
        assert.ok(fixed.startsWith('{\r\n\t"model_type": "Image",\r\n\t"model_algorithm"'), JSON.stringify(fixed));
      },
    },
  ],
});
