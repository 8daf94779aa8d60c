// MA100: config.json is not valid JSON.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { applyFix, check as checkFolder, configCodes, rangeText, ruleTester } from '../helpers/ruleTester';
import { check, codes, configOnly, json } from '../core/config-helpers';
import { configKind } from '../../core/folders';
import { decodeText } from '../../core/files';

const API = { url: '/', method: 'post', request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' } };

ruleTester('MA100', {
  valid: [
    { name: 'close case of the trailing comma', files: configOnly('{"model_algorithm": "a", "model_type": "Image"}') },
    { name: 'close case of the comment: "//" inside a string', files: configOnly('{"model_algorithm": "a // x", "model_type": "Image"}') },
    {
      name: 'comment and comma look-alikes inside strings are not MA100',
      files: configOnly(json({
        model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/a//b' }], health: { url: '/health' },
        swr_location: 'swr.cn-north-4.myhuaweicloud.com/org/repo:1',
      }).replace('"/a//b"', '"/a//b/*,]"')),
      exact: [],
    },
  ],
  invalid: [
    { name: 'trailing comma', files: configOnly('{"model_algorithm": "a", "model_type": "Image",}') },
    { name: 'comment', files: configOnly('{"model_algorithm": "a", // x\n"model_type": "Image"}') },
    { name: 'an empty file', files: configOnly(''), exact: ['MA100'] },
    {
      name: 'a byte-order mark is one MA100 with a fix; the rest is still checked',
      files: configOnly('\uFEFF{"model_algorithm": "a", "model_type": "Image", "apis": [{"url": "/"}], "health": {"url": "health"}}'),
      exact: ['MA100', 'MA111'],
      message: /byte-order mark/,
      then: ([f]) => assert.equal(f.fixes?.[0].edits[0].newText, ''),
    },
    {
      name: 'exact ranges: comments and trailing commas',
      files: configOnly('{\n  "model_algorithm": "a", // note\n  "model_type": "Image",\n}\n'),
      then: (fs, all) => {
        assert.deepEqual(fs.map((f) => rangeText(all, f)), ['// note', ',']);
        assert.deepEqual(fs[1].range.start, { line: 2, character: 23 });
      },
    },
    {
      name: 'exact ranges: a missing comma is reported where it belongs',
      files: configOnly('{\n  "model_algorithm": "a"\n  "model_type": "Image"\n}'),
      count: 1,
      // Where the comma belongs: right after "a" on line 2, not at the (valid) next line where the parser noticed.
      then: ([f]) => assert.deepEqual(f.range, { start: { line: 1, character: 23 }, end: { line: 1, character: 24 } }),
    },
    {
      name: 'fixes: comments and trailing commas removed give strict JSON',
      files: configOnly('{\n  // a comment\n  "model_algorithm": "a",\n  "model_type": "TensorFlow", /* b */\n}\n'),
      then: (_, all) => {
        let files = all.files;
        for (let i = 0; i < 5; i++) {
          const f = checkFolder(files).findings.find((x) => x.code === 'MA100');
          if (!f) break;
          files = applyFix(files, f.fixes![0]);
        }
        assert.doesNotThrow(() => JSON.parse(files['config.json']));
        assert.deepEqual(configCodes(checkFolder(files)), []);
      },
    },
    {
      name: 'binary content gives one clear MA100 and nothing else',
      files: configOnly('{"model_type": "Image"\u0000\u0001\u0002' + 'x'.repeat(1000)),
      exact: ['MA100'],
      message: /not a text file/,
      then: ([f]) => assert.deepEqual(f.range.start, { line: 0, character: 0 }),
    },
    {
      name: 'a 50 MB config gives one clear MA100 and nothing else',
      files: configOnly('{"model_type": "Image", "model_algorithm": "a", "x": "' + 'a'.repeat(50 * 1024 * 1024) + '"}'),
      exact: ['MA100'],
      message: /larger than 5 MB/,
    },
  ],
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

