// JSON error recovery must not cascade (test/fixtures/config/recovery/<name>.json, expectations in
// <name>.expect.json as "CODE:line[:text in the English message]"): each syntax error once, where it is; a comment
// line wrapped by a web page or PDF is said to continue the comment; no finding made up by the recovery; real
// findings after the error still found. And every fix these findings offer leaves JSON(C) that parses.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseTree, type ParseError } from 'jsonc-parser';
import { applyEdits, check, codes, FIXTURES } from './config-helpers';

const dir = path.join(FIXTURES, 'recovery');
const names = fs.readdirSync(dir).filter((n) => n.endsWith('.json') && !n.endsWith('.expect.json')).sort();
const read = (n: string) => fs.readFileSync(path.join(dir, n), 'utf8');

test('at least 7 recovery fixtures, each with an expectation', () => {
  assert.ok(names.length >= 7, String(names.length));
  for (const n of names) assert.ok(fs.existsSync(path.join(dir, n.replace(/\.json$/, '.expect.json'))), n);
});

for (const n of names) {
  test(`recovery ${n}: exactly the expected findings, on their lines`, () => {
    const want = (JSON.parse(read(n.replace(/\.json$/, '.expect.json'))) as { findings: string[] }).findings;
    const found = check(read(n));
    const shown = found.map((f) => `${f.code}:${f.range.start.line + 1} ${f.message.en}`).join('\n');
    assert.equal(found.length, want.length, shown);
    for (const w of want) {
      const [code, line, ...text] = w.split(':');
      const hit = found.find((f) => f.code === code && f.range.start.line + 1 === Number(line) && f.message.en.includes(text.join(':')));
      assert.ok(hit, `${w} not found in\n${shown}`);
    }
  });
}

test('every fix offered on a recovery fixture leaves text jsonc-parser reads without a syntax error it did not have', () => {
  let fixes = 0;
  for (const n of names) {
    const text = read(n);
    const before = syntaxErrorCount(text);
    for (const f of check(text)) {
      for (const x of f.fixes ?? []) {
        fixes++;
        const after = applyEdits(text, x.edits);
        assert.ok(syntaxErrorCount(after) <= before, `${n}: "${x.title.en}" broke the JSON:\n${after}`);
        assert.ok(check(after).length < check(text).length || x.title.en.startsWith('Join'), `${n}: "${x.title.en}" fixed nothing`);
      }
    }
  }
  assert.ok(fixes >= 10, String(fixes));
});

test('joining a wrapped line restores the one comment; removing the comment then leaves strict JSON', () => {
  const text = read('wrapped-comment-top.json');
  const join = check(text).find((f) => f.message.en.includes('continues the comment'))!.fixes![0];
  const joined = applyEdits(text, join.edits);
  assert.match(joined, /\/\/Model reference API, including the request and response API\n/);
  const rest = check(joined);
  assert.deepEqual(codes(rest).sort(), ['MA100', 'MA115']);
  const strict = applyEdits(joined, rest.find((f) => f.code === 'MA100')!.fixes![0].edits);
  assert.doesNotThrow(() => JSON.parse(strict));
});

test('a wrapped comment is not mistaken for a key, nor a key for a wrapped comment', () => {
  const wrapped = check('{\n  // the model\n  type of it\n' +
    '  "model_type": "Image", "model_algorithm": "a", "apis": [{"url": "/"}], "health": {"url": "/health"}\n}');
  assert.equal(wrapped.filter((f) => f.message.en.includes('continues the comment')).length, 1);
  assert.deepEqual(codes(wrapped).filter((c) => c !== 'MA100'), [], 'the tree under the wrapped line is the right one');
  const key = check('{\n  // the model\n  model_type: "Image"\n}');
  assert.ok(!key.some((f) => f.message.en.includes('continues the comment')));
});

test('a built-in engine with wrapped comments inside apis gets no phantom api (MA107) and no type error', () => {
  const c = codes(check(read('wrapped-comment-builtin-engine.json')));
  assert.ok(!c.includes('MA107') && !c.includes('MA102'), c.join(','));
});

function syntaxErrorCount(text: string): number {
  const errors: ParseError[] = [];
  parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  return errors.length;
}

test('a bracket left out of an indented file: found where indentation puts it, the fix makes strict JSON, the rest is judged', () => {
  for (const n of ['missing-brace.json', 'missing-bracket-apis.json']) {
    const text = read(n);
    const f = check(text).find((x) => x.code === 'MA100')!;
    const fixed = applyEdits(text, f.fixes![0].edits);
    assert.doesNotThrow(() => JSON.parse(fixed), `${n}:\n${fixed}`);
    // Nothing is reported missing on the repaired tree (it is still a repair), but nothing found on it is lost.
    const before = check(text).filter((x) => x.code !== 'MA100').map((x) => x.code);
    const after = check(fixed).map((x) => x.code);
    for (const c of before) assert.ok(after.includes(c), `${n}: ${c} also found once fixed`);
  }
  // One line, no indentation to go by: no repair, the bracket problem is said at the opener.
  const flat = check('{"model_type": "Image", "apis": [{"url": "/", "request": {"Content-type": "x"}, "response": {}}, "health": {}}');
  assert.ok(flat.some((x) => x.code === 'MA100' && /is not closed/.test(x.message.en)), flat.map((x) => x.message.en).join('\n'));
});
