// Each config.json rule: a case that triggers it and a close case that does not (hadolint style).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { check, codes, json, goodImage } from './config-helpers';

type Obj = Record<string, unknown>;
const img = (patch: Obj = {}): string => json({ ...goodImage(), ...patch });
const tf = (patch: Obj = {}): string => json({ model_algorithm: 'image_classification', model_type: 'TensorFlow', apis: [{ url: '/', method: 'post' }],
  ...patch });
const withApi = (api: Obj, extra: Obj = {}): string => img({ apis: [{ url: '/', method: 'post', ...api }], ...extra });

const CASES: { code: string; name: string; bad: string; good: string }[] = [
  { code: 'MA100', name: 'trailing comma', bad: '{"model_algorithm": "a", "model_type": "Image",}', good: '{"model_algorithm": "a", "model_type": "Image"}' },
  { code: 'MA100', name: 'comment', bad: '{"model_algorithm": "a", // x\n"model_type": "Image"}',
    good: '{"model_algorithm": "a // x", "model_type": "Image"}' },
  { code: 'MA101', name: 'model_type missing', bad: json({ model_algorithm: 'a' }), good: json({ model_algorithm: 'a', model_type: 'Image' }) },
  { code: 'MA101', name: 'health.url missing', bad: img({ health: { protocol: 'http' } }), good: img({ health: { url: '/health' } }) },
  { code: 'MA101', name: 'dependency installer missing', bad: tf({ dependencies: [{ packages: [] }] }),
    good: tf({ dependencies: [{ installer: 'pip', packages: [] }] }) },
  { code: 'MA102', name: 'apis not an array', bad: img({ apis: { url: '/' } }), good: img({ apis: [{ url: '/' }] }) },
  { code: 'MA103', name: 'model_type unknown', bad: json({ model_algorithm: 'a', model_type: 'Tensorflow2' }),
    good: json({ model_algorithm: 'a', model_type: 'TensorFlow' }) },
  { code: 'MA103', name: 'method put', bad: withApi({ method: 'put' }), good: withApi({ method: 'get' }) },
  { code: 'MA103', name: 'restraint',
    bad: tf({ dependencies: [{ installer: 'pip', packages: [{ package_name: 'a', package_version: '1', restraint: 'EQUAL' }] }] }),
    good: tf({ dependencies: [{ installer: 'pip', packages: [{ package_name: 'a', package_version: '1', restraint: 'EXACT' }] }] }) },
  { code: 'MA104', name: 'procotol', bad: withApi({ procotol: 'http' }), good: withApi({ protocol: 'http' }) },
  { code: 'MA104', name: 'Content-Type', bad: withApi({ request: { 'Content-Type': 'application/json' } }),
    good: withApi({ request: { 'Content-type': 'application/json' } }) },
  { code: 'MA105', name: 'starts with a digit', bad: img({ model_algorithm: '1st_model' }), good: img({ model_algorithm: 'first_model' }) },
  { code: 'MA105', name: 'banned character', bad: img({ model_algorithm: 'a=b' }), good: img({ model_algorithm: 'a-b' }) },
  { code: 'MA105', name: '37 characters', bad: img({ model_algorithm: 'a'.repeat(37) }), good: img({ model_algorithm: 'a'.repeat(36) }) },
  { code: 'MA106', name: 'runtime on Image', bad: img({ runtime: 'python3.6' }), good: tf({ runtime: 'python3.6' }) },
  { code: 'MA106', name: 'unknown TensorFlow runtime', bad: tf({ runtime: 'python3.9' }),
    good: tf({ runtime: 'tensorflow_2.1.0-cuda_10.1-py_3.7-ubuntu_18.04-x86_64' }) },
  { code: 'MA107', name: 'two apis', bad: tf({ apis: [{ url: '/' }, { url: '/' , method: 'get' }] }),
    good: img({ apis: [{ url: '/' }, { url: '/', method: 'get' }] }) },
  { code: 'MA107', name: 'url not /', bad: tf({ apis: [{ url: '/predict' }] }), good: img({ apis: [{ url: '/predict' }] }) },
  { code: 'MA108', name: 'XGBoost multipart',
    bad: json({ model_algorithm: 'a', model_type: 'XGBoost', apis: [{ url: '/', request: { 'Content-type': 'multipart/form-data' } }] }),
    good: tf({ apis: [{ url: '/', request: { 'Content-type': 'multipart/form-data' } }] }) },
  { code: 'MA109', name: 'version without restraint',
    bad: tf({ dependencies: [{ installer: 'pip', packages: [{ package_name: 'a', package_version: '1.0' }] }] }),
    good: tf({ dependencies: [{ installer: 'pip', packages: [{ package_name: 'a', package_version: '', restraint: '' }] }] }) },
  { code: 'MA109', name: 'restraint without version',
    bad: tf({ dependencies: [{ installer: 'pip', packages: [{ package_name: 'a', restraint: 'ATLEAST', package_version: '' }] }] }),
    good: tf({ dependencies: [{ installer: 'pip', packages: [{ package_name: 'a', restraint: 'ATLEAST', package_version: '1.0' }] }] }) },
  { code: 'MA110', name: 'dependencies on Image', bad: img({ dependencies: [{ installer: 'pip', packages: [] }] }),
    good: tf({ dependencies: [{ installer: 'pip', packages: [] }] }) },
  { code: 'MA111', name: 'health url without /', bad: img({ health: { url: 'health' } }), good: img({ health: { url: '/health' } }) },
  { code: 'MA111', name: 'health https', bad: img({ health: { url: '/health', protocol: 'https' } }),
    good: img({ health: { url: '/health', protocol: 'http' } }) },
  { code: 'MA112', name: 'abc', bad: img({ health: { url: '/h', timeout_seconds: 'abc' } }), good: img({ health: { url: '/h', timeout_seconds: '12' } }) },
  { code: 'MA112', name: '-1', bad: img({ health: { url: '/h', initial_delay_seconds: -1 } }), good: img({ health: { url: '/h', initial_delay_seconds: 0 } }) },
  { code: 'MA112', name: '1.5', bad: img({ health: { url: '/h', period_seconds: 1.5 } }), good: img({ health: { url: '/h', period_seconds: 12 } }) },
  { code: 'MA112', name: 'failure_threshold 0', bad: img({ health: { url: '/h', failure_threshold: '0' } }),
    good: img({ health: { url: '/h', failure_threshold: '1' } }) },
  { code: 'MA113', name: 'url without /', bad: withApi({ url: 'predict' }), good: withApi({ url: '/predict' }) },
  { code: 'MA113', name: 'duplicate url+method', bad: img({ apis: [{ url: '/a' }, { url: '/a', method: 'POST' }] }),
    good: img({ apis: [{ url: '/a' }, { url: '/a', method: 'get' }] }) },
  { code: 'MA114', name: 'item', bad: withApi({ response: { data: { type: 'array', item: [{ type: 'string' }] } } }),
    good: withApi({ response: { data: { type: 'array', items: [{ type: 'string' }] } } }) },
  { code: 'MA114', name: 'bad type', bad: withApi({ request: { data: { type: 'object', properties: { a: { type: 'image' } } } } }),
    good: withApi({ request: { data: { type: 'object', properties: { a: { type: 'file' } } } } }) },
  { code: 'MA115', name: 'applicaton/json', bad: withApi({ response: { 'Content-type': 'applicaton/json' } }),
    good: withApi({ response: { 'Content-type': 'application/json' } }) },
  { code: 'MA115', name: 'multipart/form-date', bad: withApi({ request: { 'Content-type': 'multipart/form-date' } }),
    good: withApi({ request: { 'Content-type': 'multipart/form-data' } }) },
  { code: 'MA116', name: 'Image without health', bad: json({ model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/' }] }), good: img() },
  { code: 'MA117', name: 'not SWR', bad: img({ swr_location: 'docker.io/library/python:3.10' }),
    good: img({ swr_location: 'swr.cn-north-4.myhuaweicloud.com/my-org/my-model:1.0.0' }) },
  { code: 'MA117', name: 'organization with uppercase', bad: img({ swr_location: 'swr.cn-north-4.myhuaweicloud.com/MyOrg/model:1' }),
    good: img({ swr_location: 'swr.cn-north-4.myhuaweicloud.com/my_org/model:1' }) },
  { code: 'MA118', name: 'Image without apis', bad: json({ model_algorithm: 'a', model_type: 'Image', health: { url: '/health' } }), good: img() },
  { code: 'MA119', name: 'metric above 1', bad: img({ metrics: { f1: 1.2 } }), good: img({ metrics: { f1: 1 } }) },
  { code: 'MA119', name: 'metric as string', bad: img({ metrics: { accuracy: '0.9' } }), good: img({ metrics: { accuracy: 0.9 } }) },
];

for (const c of CASES) {
  test(`${c.code} ${c.name}: triggers`, () => {
    assert.ok(codes(check(c.bad)).includes(c.code), `${c.code} expected in ${JSON.stringify(codes(check(c.bad)))}`);
  });
  test(`${c.code} ${c.name}: close case is clean`, () => {
    const found = check(c.good);
    assert.ok(!codes(found).includes(c.code), `${c.code} not expected: ${JSON.stringify(found.map((f) => f.message.en))}`);
  });
}

test('every config code MA100..MA119 has a triggering case', () => {
  const covered = new Set(CASES.map((c) => c.code));
  for (let i = 100; i <= 119; i++) assert.ok(covered.has(`MA${i}`), `MA${i}`);
});

test('undocumented top-level keys are info-level MA104, not warnings', () => {
  for (const k of ['model_source', 'tunable', 'downloadable_flag', 'algorithm', 'port', 'protocol', 'readiness_health', 'startup_health']) {
    const value = { model_source: 'custom', tunable: false, downloadable_flag: true, algorithm: 'x', port: 8080, protocol: 'http',
      readiness_health: { url: '/r' }, startup_health: { url: '/s' } }[k];
    const fs = check(img({ [k]: value }));
    assert.deepEqual(fs.map((f) => [f.code, f.severity]), [['MA104', 'info']], k);
  }
  const unknown = check(img({ modle_type: 'x' }));
  assert.deepEqual(unknown.map((f) => [f.code, f.severity]), [['MA104', 'warning']]);
});

test('health numbers: strings and integers both accepted', () => {
  const h = { url: '/health', initial_delay_seconds: '0', timeout_seconds: 30, period_seconds: '5', failure_threshold: 3 };
  assert.deepEqual(check(img({ health: h })), []);
});

test('one problem gives one finding', () => {
  // applicaton/json breaks the enum and (for XGBoost) the JSON-only rule: only MA115 is reported.
  const x = json({ model_algorithm: 'a', model_type: 'XGBoost', apis: [{ url: '/', response: { 'Content-type': 'applicaton/json' } }] });
  assert.deepEqual(codes(check(x)), ['MA115']);
  // A misspelled required key: the rename (MA104) fixes the missing field too, so no MA101.
  assert.deepEqual(codes(check(img({ health: { ulr: '/health' } }))), ['MA104']);
  // A model_algorithm both too long and starting with a digit: one MA105.
  assert.deepEqual(codes(check(img({ model_algorithm: '9' + 'a'.repeat(40) }))), ['MA105']);
});

test('broken JSON: rules still run on what parsed, but nothing is reported missing', () => {
  const text = '{\n  "model_algorithm": "a",\n  "model_type": "Image"\n  "apis": [{"url": "predict"}]\n';
  const c = codes(check(text));
  assert.ok(c.includes('MA100'));
  assert.ok(c.includes('MA113'), 'the api url is still checked');
  assert.ok(!c.includes('MA101') && !c.includes('MA116'));
});

test('a root that is not an object is one clear finding', () => {
  assert.deepEqual(codes(check('[1, 2]')), ['MA102']);
  assert.deepEqual(codes(check('')), ['MA100']);
});

test('broken JSON: a value still being typed is not judged', () => {
  const text = '{"model_algorithm": "a", "model_type": "TensorFl';
  assert.deepEqual([...new Set(codes(check(text)))], ['MA100']);
});

test('a byte-order mark is one MA100 with a fix; the rest is still checked', () => {
  const fs = check('\uFEFF{"model_algorithm": "a", "model_type": "Image", "apis": [{"url": "/"}], "health": {"url": "health"}}');
  assert.deepEqual(codes(fs), ['MA100', 'MA111']);
  assert.match(fs[0].message.en, /byte-order mark/);
  assert.equal(fs[0].fixes?.[0].edits[0].newText, '');
});

test('MA118 also for an empty apis array, at the apis key', () => {
  const fs = check(json({ model_algorithm: 'a', model_type: 'Image', apis: [], health: { url: '/h' } }));
  assert.deepEqual(codes(fs), ['MA118']);
  assert.deepEqual(fs[0].range.start, { line: 3, character: 2 });
});

test('comment and comma look-alikes inside strings are not MA100', () => {
  const t = json({ model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/a//b' }], health: { url: '/health' },
    swr_location: 'swr.cn-north-4.myhuaweicloud.com/org/repo:1' });
  assert.deepEqual(codes(check(t.replace('"/a//b"', '"/a//b/*,]"'))), []);
});

test('MA111: a Custom engine serves health at exactly /health', () => {
  const bad = json({ model_algorithm: 'a', model_type: 'Custom', health: { url: '/healthz' } });
  assert.deepEqual(codes(check(bad)), ['MA111']);
  assert.deepEqual(codes(check(bad.replace('/healthz', '/health'))), []);
  assert.deepEqual(codes(check(json({ ...goodImage(), health: { url: '/healthz' } }))), [], 'Image models may use any path');
});
