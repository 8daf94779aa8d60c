// Exact ranges of config.json findings, and every quick fix applied to the text and re-checked clean.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import type { Finding } from '../../core/types';
import { check, codes, json, goodImage, applyEdits } from './config-helpers';

const rangeText = (text: string, f: Finding): string => {
  const lines = text.split('\n');
  const { start, end } = f.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
};

function only(text: string, code: string): Finding {
  const fs = check(text).filter((f) => f.code === code);
  assert.equal(fs.length, 1, `one ${code} in ${JSON.stringify(check(text).map((f) => f.code))}`);
  return fs[0];
}

/** Applies the first fix of the one `code` finding; the result is valid JSON and has no `code` finding left. */
function fixAndRecheck(text: string, code: string): string {
  const f = only(text, code);
  assert.ok(f.fixes?.length, `${code} has a fix`);
  const fixed = applyEdits(text, f.fixes![0].edits);
  const after = check(fixed);
  assert.ok(!codes(after).includes(code), `${code} gone after the fix:\n${fixed}\n${JSON.stringify(after.map((x) => x.message.en))}`);
  assert.ok(!codes(after).includes('MA100'), `fix keeps valid JSON:\n${fixed}`);
  return fixed;
}

test('exact ranges: the key or value at fault', () => {
  const text = json({ ...goodImage(), apis: [{ procotol: 'http', url: 'predict', response: { 'Content-type': 'applicaton/json' } }], metrics: { f1: 2 } });
  assert.equal(rangeText(text, only(text, 'MA104')), '"procotol"');
  assert.equal(rangeText(text, only(text, 'MA113')), '"predict"');
  assert.equal(rangeText(text, only(text, 'MA115')), '"applicaton/json"');
  assert.equal(rangeText(text, only(text, 'MA119')), '2');
  const f = only(text, 'MA104');
  assert.deepEqual(f.range, { start: { line: 5, character: 6 }, end: { line: 5, character: 16 } });
});

test('exact ranges: syntax errors, comments and trailing commas', () => {
  const text = '{\n  "model_algorithm": "a", // note\n  "model_type": "Image",\n}\n';
  const fs = check(text).filter((f) => f.code === 'MA100');
  assert.deepEqual(fs.map((f) => rangeText(text, f)), ['// note', ',']);
  assert.deepEqual(fs[1].range.start, { line: 2, character: 23 });
  const broken = '{\n  "model_algorithm": "a"\n  "model_type": "Image"\n}';
  const b = check(broken).filter((f) => f.code === 'MA100');
  assert.equal(b.length, 1);
  // Where the comma belongs: right after "a" on line 2, not at the (valid) next line where the parser noticed.
  assert.deepEqual(b[0].range, { start: { line: 1, character: 23 }, end: { line: 1, character: 24 } });
});

test('exact ranges: a missing field points at the opening key or brace', () => {
  const text = json({ model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/' }], health: { protocol: 'http' } });
  assert.equal(rangeText(text, only(text, 'MA101')), '"health"');
  const root = json({ model_algorithm: 'a' });
  const f = only(root, 'MA101');
  assert.equal(rangeText(root, f), '{');
  const pkg = json({ model_algorithm: 'a', model_type: 'TensorFlow', dependencies: [{ installer: 'pip', packages: [{ package_version: '1' }] }] });
  assert.equal(rangeText(pkg, check(pkg).find((x) => x.code === 'MA101')!), '{');
});

test('fix MA104: procotol -> protocol, Content-Type -> Content-type', () => {
  const a = fixAndRecheck(json({ ...goodImage(), apis: [{ procotol: 'http', url: '/' }] }), 'MA104');
  assert.match(a, /"protocol": "http"/);
  const b = fixAndRecheck(json({ ...goodImage(), apis: [{ url: '/', request: { 'Content-Type': 'application/json' } }] }), 'MA104');
  assert.match(b, /"Content-type": "application\/json"/);
  const c = fixAndRecheck(json({ ...goodImage(), health: { ulr: '/health' } }), 'MA104');
  assert.deepEqual(check(c), []);
});

test('no rename fix when the right key is already there', () => {
  const f = only(json({ ...goodImage(), apis: [{ url: '/', protocol: 'http', procotol: 'http' }] }), 'MA104');
  assert.equal(f.fixes, undefined);
});

test('fix MA115 and MA114 (the official typos)', () => {
  const t = json({ ...goodImage(),
    apis: [{ url: '/', response: { 'Content-type': 'applicaton/json', data: { type: 'array', item: [{ type: 'string' }] } } }] });
  const a = fixAndRecheck(t, 'MA115');
  const b = fixAndRecheck(a, 'MA114');
  assert.deepEqual(check(b), []);
  assert.match(b, /"items": \[/);
});

test('fix MA101: inserts the missing field as valid JSON, respecting indentation', () => {
  const text = '{\n    "model_algorithm": "a",\n    "apis": [{"url": "/"}],\n    "health": {"url": "/health"}\n}\n';
  const fixed = fixAndRecheck(text, 'MA101');
  assert.deepEqual(JSON.parse(fixed).model_type, 'Image');
  assert.match(fixed, /\n {4}"model_type": "Image",\n/);
  const nested = json({ ...goodImage(), health: { protocol: 'http' } });
  const n = JSON.parse(fixAndRecheck(nested, 'MA101'));
  assert.equal(n.health.url, '/health');
  // Two fields missing from {}: applying both fixes, one after the other, gives a clean config.
  let empty = '{}';
  for (let i = 0; i < 2; i++) empty = applyEdits(empty, check(empty).find((f) => f.code === 'MA101')!.fixes![0].edits);
  assert.deepEqual(Object.keys(JSON.parse(empty)).sort(), ['model_algorithm', 'model_type']);
  assert.ok(!codes(check(empty)).includes('MA101'));
});

test('fix MA113 and MA111: add the leading slash', () => {
  const a = fixAndRecheck(json({ ...goodImage(), apis: [{ url: 'predict' }] }), 'MA113');
  assert.equal(JSON.parse(a).apis[0].url, '/predict');
  const b = fixAndRecheck(json({ ...goodImage(), health: { url: 'health' } }), 'MA111');
  assert.equal(JSON.parse(b).health.url, '/health');
});

test('other fixes: enum near miss, health protocol, content type of ML engines, restraint, runtime-less health', () => {
  const mt = fixAndRecheck(json({ model_algorithm: 'a', model_type: 'pytorch' }), 'MA103');
  assert.equal(JSON.parse(mt).model_type, 'PyTorch');
  fixAndRecheck(json({ ...goodImage(), health: { url: '/h', protocol: 'https' } }), 'MA111');
  fixAndRecheck(json({ model_algorithm: 'a', model_type: 'Scikit_Learn', apis: [{ url: '/', request: { 'Content-type': 'multipart/form-data' } }] }), 'MA108');
  const r = fixAndRecheck(json({ model_algorithm: 'a', model_type: 'TensorFlow',
    dependencies: [{ installer: 'pip', packages: [{ package_name: 'numpy', package_version: '1.0' }] }] }), 'MA109');
  assert.equal(JSON.parse(r).dependencies[0].packages[0].restraint, 'EXACT');
  const r2 = fixAndRecheck(json({ model_algorithm: 'a', model_type: 'TensorFlow',
    dependencies: [{ installer: 'pip', packages: [{ package_name: 'numpy', package_version: '1.0', restraint: '' }] }] }), 'MA109');
  assert.equal(JSON.parse(r2).dependencies[0].packages[0].restraint, 'EXACT');
  const h = fixAndRecheck(json({ model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/' }] }), 'MA116');
  assert.deepEqual(check(h), []);
  const ap = fixAndRecheck(json({ model_algorithm: 'a', model_type: 'Image', health: { url: '/health' } }), 'MA118');
  assert.deepEqual(check(ap), []);
  const dt = fixAndRecheck(json({ ...goodImage(),
    apis: [{ url: '/', request: { data: { type: 'object', properties: { img: { type: 'fiel' } } } } }] }), 'MA114');
  assert.equal(JSON.parse(dt).apis[0].request.data.properties.img.type, 'file');
});

test('fixes: comments and trailing commas removed give strict JSON', () => {
  let text = '{\n  // a comment\n  "model_algorithm": "a",\n  "model_type": "TensorFlow", /* b */\n}\n';
  for (let i = 0; i < 5; i++) {
    const f = check(text).find((x) => x.code === 'MA100');
    if (!f) break;
    text = applyEdits(text, f.fixes![0].edits);
  }
  assert.doesNotThrow(() => JSON.parse(text));
  assert.deepEqual(check(text), []);
});

test('fix MA101 on a one-line config inserts without reformatting the line', () => {
  const text = '{"model_algorithm": "a", "apis": [{"url": "/"}], "health": {"url": "/health"}}';
  const f = check(text).find((x) => x.code === 'MA101')!;
  const fixed = applyEdits(text, f.fixes![0].edits);
  assert.equal(fixed, '{"model_type": "Image", "model_algorithm": "a", "apis": [{"url": "/"}], "health": {"url": "/health"}}');
});

test('fix MA101 in a tab-indented, CRLF file keeps tabs and CRLF', () => {
  const text = '{\r\n\t"model_algorithm": "a",\r\n\t"apis": [{"url": "/"}],\r\n\t"health": {"url": "/health"}\r\n}\r\n';
  const fixed = fixAndRecheck(text, 'MA101');
  assert.ok(fixed.startsWith('{\r\n\t"model_type": "Image",\r\n\t"model_algorithm"'), JSON.stringify(fixed));
});
