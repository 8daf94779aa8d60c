// config.json that is valid JSON but not an object (a bare apis list, a string, a number), and config.json that
// cannot be parsed at all (not UTF-8, nested too deep): one clear finding each, and the folder stays a model
// folder beside its Dockerfile.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyEdits, check, codes, json, memFiles } from './config-helpers';
import { findModelFolders, folderForFile, configKind } from '../../core/folders';
import { decodeText } from '../../core/files';
import { defaultOptions } from '../../core/types';

const API = { url: '/', method: 'post', request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' } };
const DOCKERFILE = 'FROM python:3.9\nCMD ["python", "app.py"]\n';

test('a bare apis list: one MA102 that says so, and a fix that wraps it as {"apis": [...]}', () => {
  const text = json([API]);
  const fs = check(text);
  assert.deepEqual(codes(fs), ['MA102']);
  assert.match(fs[0].message.en, /bare list of apis/);
  assert.match(fs[0].message.zh, /apis 列表/);
  const fixed = applyEdits(text, fs[0].fixes![0].edits);
  assert.deepEqual(JSON.parse(fixed), { apis: [API] });
  // After the wrap, what is left is said by the ordinary rules (model_algorithm and model_type missing).
  assert.deepEqual([...new Set(codes(check(fixed)))], ['MA101']);
});

test('a string, a number, an array of numbers: MA102 naming what it is, no wrap fix', () => {
  for (const [text, what] of [['"config"', 'a JSON string'], ['42', 'a JSON number'], ['[1, 2]', 'a JSON array'], ['null', 'null']] as const) {
    const fs = check(text);
    assert.deepEqual(codes(fs), ['MA102'], text);
    assert.ok(fs[0].message.en.includes(`holds ${what}`), fs[0].message.en);
    assert.equal(fs[0].fixes, undefined);
  }
});

test('beside a Dockerfile, a config.json that is not an object is the folder\'s config; another tool\'s object is not', () => {
  const opts = defaultOptions();
  for (const text of [json([API]), '"x"', '42', '{"model_type": "Image", // broken', '']) {
    const files = memFiles({ '/m/config.json': text, '/m/Dockerfile': DOCKERFILE });
    const folders = findModelFolders(['/m'], files, opts);
    assert.deepEqual(folders, [{ dir: '/m', configPath: '/m/config.json', dockerfilePath: '/m/Dockerfile' }], JSON.stringify(text));
    assert.equal(folderForFile('/m/config.json', files, opts)?.dockerfilePath, '/m/Dockerfile');
  }
  const other = memFiles({ '/m/config.json': json({ port: 3000, debug: true }), '/m/Dockerfile': DOCKERFILE });
  assert.equal(folderForFile('/m/config.json', other, opts), undefined);
  // Alone, a bare list is nobody's model config.
  assert.equal(folderForFile('/m/config.json', memFiles({ '/m/config.json': json([API]) }), opts), undefined);
  // The OBS layout: model/config.json under the Dockerfile's folder.
  const obs = memFiles({ '/p/model/config.json': json([API]), '/p/Dockerfile': DOCKERFILE });
  assert.equal(findModelFolders(['/p'], obs, opts)[0]?.configPath, '/p/model/config.json');
  assert.equal(configKind(json({ a: 1 })), 'other-object');
});

test('a lower-case dockerfile is the folder\'s Dockerfile (no MA304 "no Dockerfile near")', () => {
  const files = memFiles({ '/m/config.json': json({ model_algorithm: 'a', model_type: 'Image', apis: [API], health: { url: '/health' } }),
    '/m/dockerfile': DOCKERFILE });
  const [f] = findModelFolders(['/m'], files, defaultOptions());
  assert.equal(f.dockerfilePath, '/m/dockerfile');
  assert.equal(folderForFile('/m/dockerfile', files, defaultOptions())?.configPath, '/m/config.json');
});

test('not UTF-8: the bytes of a GBK file decode to U+FFFD, and that is one MA100 at the first one', () => {
  const gbk = Uint8Array.from([...Buffer.from('{"model_algorithm": "'), 0xcd, 0xbc, 0xcf, 0xf1, ...Buffer.from('", "model_type": "Image", "apis": []}')]);
  const text = decodeText(gbk);
  assert.ok(text.includes('\ufffd'));
  const fs = check(text);
  assert.deepEqual(codes(fs), ['MA100']);
  assert.match(fs[0].message.en, /not UTF-8.*GBK/);
  assert.deepEqual(fs[0].range.start, { line: 0, character: text.indexOf('\ufffd') });
  assert.ok(text.indexOf('\ufffd') >= 21);
  // Valid UTF-8 (Chinese included) and a BOM pass through untouched.
  assert.equal(decodeText(Buffer.from('\ufeff{"a": "图像"}')), '\ufeff{"a": "图像"}');
});

test('nested 100,000 levels deep: one MA100 "nested too deep", no stack overflow; 200 levels are parsed', () => {
  const deep = '{"model_type": "Image", "x": ' + '['.repeat(100000) + ']'.repeat(100000) + '}';
  const fs = check(deep);
  assert.deepEqual(codes(fs), ['MA100']);
  assert.match(fs[0].message.en, /nested more than \d+ levels/);
  assert.equal(configKind(deep), 'modelarts');
  const ok = json({ model_algorithm: 'a', model_type: 'Image', apis: [API], health: { url: '/health' }, x: JSON.parse('['.repeat(200) + ']'.repeat(200)) });
  assert.ok(!check(ok).some((f) => /nested/.test(f.message.en)));
});

test('UTF-16 on disk (PowerShell ">"): one MA100 that names UTF-16, not "not a text file"', () => {
  const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"model_type": "Image", "model_algorithm": "a"}', 'utf16le')]);
  const fs = check(decodeText(utf16));
  assert.deepEqual(codes(fs), ['MA100']);
  assert.match(fs[0].message.en, /UTF-16/);
  // A binary file is still said to be binary.
  assert.match(check('\u0089PNG\r\n\u001a\n\u0000\u0000\u0000\rIHDR\u0000\u0000\u0001\u0000').at(0)!.message.en, /not a text file/);
});
