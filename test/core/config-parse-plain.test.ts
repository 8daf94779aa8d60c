// Plain JSON is read with JSON.parse and its node tree is built on first use (core/parse/config.ts): the document must
// be the one the jsonc-parser path gives — same value, same tree, no syntax errors — for every config.json the
// project's fixtures hold, and a text that is not plain JSON still takes the jsonc path with its errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree, type Node } from 'jsonc-parser';
import { parseConfig } from '../../core/parse/config';
import { repoRoot } from '../helpers/tmp';

function configs(dir: string, out: string[] = []): string[] {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory() && e.name !== 'node_modules') configs(p, out);
    else if (e.name === 'config.json') out.push(p);
  }
  return out;
}

const strip = (n: Node | undefined): unknown =>
  n && { type: n.type, offset: n.offset, length: n.length, value: n.value, children: n.children?.map(strip) };

test('every plain-JSON config.json of the fixtures: the same value and tree as jsonc-parser gives, built on first use', () => {
  const files = ['test/realworld', 'test/corpus', 'test/fixtures', 'examples'].flatMap((d) => configs(path.join(repoRoot, d)));
  let plain = 0;
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    let strict = true;
    try {
      JSON.parse(text);
    } catch {
      strict = false;
    }
    if (!strict) continue;
    const doc = parseConfig(f, text);
    if (doc.unreadable) continue; // not UTF-8 (a GBK fixture): not parsed on either path
    plain++;
    assert.deepEqual(doc.syntaxErrors, [], f);
    assert.deepEqual(doc.value, JSON.parse(text), f);
    assert.deepEqual(strip(doc.root), strip(parseTree(text, [], { allowTrailingComma: true })), f);
    assert.equal(doc.nodeAt(['model_type'])?.value, (doc.value as { model_type?: unknown }).model_type, f);
  }
  assert.ok(plain >= 20, `only ${plain} plain configs found among ${files.length}`);
});

test('a text that is not plain JSON keeps the jsonc path: comments and trailing commas tolerated, errors kept', () => {
  const commented = parseConfig('/x/config.json', '{\n  // a note\n  "model_type": "Image",\n}\n');
  assert.deepEqual(commented.value, { model_type: 'Image' });
  assert.equal(commented.root?.type, 'object');
  const broken = parseConfig('/x/config.json', '{"model_type": "Image" "apis": []}');
  assert.ok(broken.syntaxErrors.length > 0);
  assert.equal(parseConfig('/x/config.json', '').value, undefined);
  assert.equal(parseConfig('/x/config.json', '').root, undefined);
});

test('a "__proto__" key is an own property on both paths, never the value\'s prototype', () => {
  for (const text of ['{"__proto__": {"polluted": 1}, "a": 1}', '{"__proto__": {"polluted": 1}, "a": 1,}']) {
    const v = parseConfig('/x/config.json', text).value as Record<string, unknown>;
    assert.ok(Object.prototype.hasOwnProperty.call(v, '__proto__'), text);
    assert.equal((v as { polluted?: unknown }).polluted, undefined, text);
    assert.equal(Object.getPrototypeOf(v), Object.prototype, text);
  }
});
