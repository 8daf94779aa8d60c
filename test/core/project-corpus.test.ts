// A corpus of realistic model folders (test/fixtures/projects/<name>/, each with expect.json listing the MA2xx/MA3xx
// codes it must give), checked from disk through the CLI entry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPaths } from '../../core/check';
import { defaultOptions } from '../../core/types';

const ROOT = path.join(__dirname, '..', 'fixtures', 'projects');
const names = fs.readdirSync(ROOT).filter((n) => fs.existsSync(path.join(ROOT, n, 'expect.json'))).sort();

test('the corpus has at least 15 projects', () => {
  assert.ok(names.length >= 15, String(names.length));
});

for (const name of names) {
  test(`corpus: ${name}`, () => {
    const expected = (JSON.parse(fs.readFileSync(path.join(ROOT, name, 'expect.json'), 'utf8')) as { codes: string[] }).codes;
    const { folders, findings } = checkPaths([path.join(ROOT, name)], defaultOptions());
    assert.ok(folders.length >= 1, 'a model folder is found');
    const got = findings.filter((f) => /^MA[23]/.test(f.code));
    assert.deepEqual(got.map((f) => f.code).sort(), expected,
      got.map((f) => `${f.code} ${path.basename(f.file)}:${f.range.start.line + 1} ${f.message.en}`).join('\n'));
  });
}

test('the examples folder stays clean under the Dockerfile and cross-file rules', () => {
  const examples = path.join(__dirname, '..', '..', 'examples');
  const { folders, findings } = checkPaths([examples], defaultOptions());
  assert.ok(folders.length >= 2, 'online and batch examples found');
  assert.deepEqual(findings.filter((f) => /^MA[23]/.test(f.code)).map((f) => `${f.code} ${f.file}:${f.range.start.line + 1} ${f.message.en}`), []);
});
