// Completion and hover over LSP, from schemas/config.schema.json, in English and Simplified Chinese.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CompletionItem, CompletionList, Hover, MarkupContent, Position } from 'vscode-languageserver-protocol';
import { LspClient, uriOf } from './lsp';
import { removeFolder, tempFolder } from '../helpers/tmp';

/** Splits a text with one `|` cursor marker into the text and the LSP position of the marker. */
function cursor(marked: string): { text: string; pos: Position } {
  const i = marked.indexOf('|');
  const before = marked.slice(0, i);
  const lines = before.split('\n');
  return { text: before + marked.slice(i + 1), pos: { line: lines.length - 1, character: lines[lines.length - 1].length } };
}

const labels = (r: CompletionList | CompletionItem[] | null): string[] => (Array.isArray(r) ? r : r?.items ?? []).map((i) => i.label.replace(/^"|"$/g, ''));

function hoverText(h: Hover | null): string {
  if (!h) return '';
  const c = h.contents;
  const one = (x: unknown): string => (typeof x === 'string' ? x : (x as MarkupContent | { value: string }).value);
  return Array.isArray(c) ? c.map(one).join('\n') : one(c);
}

const BASE = `{
  "model_type": "Image",
  "model_algorithm": "object_detection",
  "apis": [{ "url": "/predict", "method": "post", "protocol": "http",
    "request": { "Content-type": "application/json", "data": { "type": "object" } } }],
  "health": { "url": "/health", "protocol": "http" },
  "dependencies": [{ "installer": "pip", "packages": [{ "package_name": "numpy", "package_version": "1.0", "restraint": "EXACT" }] }]
}
`;

describe('completion and hover', () => {
  let dir: string;
  let file: string;
  let en: LspClient;
  let zh: LspClient;

  before(async () => {
    dir = tempFolder({ 'config.json': BASE, Dockerfile: 'FROM python:3.9\nEXPOSE 8080\nCMD ["python", "app.py"]\n' });
    file = path.join(dir, 'config.json');
    [en, zh] = await Promise.all([LspClient.start({ roots: [dir], locale: 'en' }), LspClient.start({ roots: [dir], locale: 'zh-cn' })]);
  });
  after(async () => {
    await Promise.all([en?.stop(), zh?.stop()]);
    removeFolder(dir);
  });

  /** Opens (or replaces) config.json with the marked text and asks for completion at the marker. */
  async function complete(c: LspClient, marked: string): Promise<string[]> {
    const { text, pos } = cursor(marked);
    if (c.version(file)) await c.change(file, text);
    else await c.open(file, text);
    return labels(await c.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: pos }));
  }

  async function hover(c: LspClient, marked: string): Promise<string> {
    const { text, pos } = cursor(marked);
    if (c.version(file)) await c.change(file, text);
    else await c.open(file, text);
    return hoverText(await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: pos }));
  }

  const valueCases: [string, string, string[]][] = [
    ['model_type', BASE.replace('"model_type": "Image"', '"model_type": |'),
      ['Image', 'TensorFlow', 'PyTorch', 'MindSpore', 'XGBoost', 'Scikit_Learn', 'Spark_MLlib']],
    ['apis method', BASE.replace('"method": "post"', '"method": |'), ['post', 'get']],
    ['Content-type', BASE.replace('"Content-type": "application/json"', '"Content-type": |'), ['application/json', 'multipart/form-data']],
    ['restraint', BASE.replace('"restraint": "EXACT"', '"restraint": |'), ['EXACT', 'ATLEAST', 'ATMOST']],
    ['apis protocol', BASE.replace('"protocol": "http",\n', '"protocol": |,\n'), ['http', 'https']],
    ['health protocol', BASE.replace('"protocol": "http" }', '"protocol": | }'), ['http']],
    ['installer', BASE.replace('"installer": "pip"', '"installer": |'), ['pip']],
  ];
  for (const [name, marked, expected] of valueCases) {
    it(`offers the allowed values of ${name}`, async () => {
      const got = await complete(en, marked);
      for (const v of expected) assert.ok(got.includes(v), `${v} missing from ${JSON.stringify(got)}`);
    });
  }

  it('offers each value once, and no whole-file snippet where a value goes', async () => {
    for (const [name, marked] of valueCases) {
      const got = await complete(en, marked);
      assert.deepEqual(got, [...new Set(got)], `${name}: an item offered twice: ${JSON.stringify(got)}`);
      assert.ok(!got.some((l) => /ModelArts .*model/i.test(l)), `${name}: a whole-file snippet in a value: ${JSON.stringify(got)}`);
    }
  });

  it('offers no whole-file snippet inside health', async () => {
    const got = await complete(en, '{\n  "model_type": "Image",\n  "model_algorithm": "a",\n  "health": { | }\n}');
    assert.ok(!got.some((l) => /ModelArts .*model/i.test(l)), JSON.stringify(got));
  });

  it('documents the values in Chinese under zh-cn', async () => {
    const { text, pos } = cursor(BASE.replace('"model_type": "Image"', '"model_type": |'));
    if (zh.version(file)) await zh.change(file, text);
    else await zh.open(file, text);
    const list = await zh.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: uriOf(file) }, position: pos });
    const image = (list?.items ?? []).find((i) => i.label.replace(/"/g, '') === 'Image');
    assert.ok(image, 'Image offered');
    const doc = typeof image.documentation === 'string' ? image.documentation : image.documentation?.value ?? '';
    assert.match(doc + (image.detail ?? ''), /自定义镜像/);
  });

  it('does not offer values of another field', async () => {
    const got = await complete(en, BASE.replace('"restraint": "EXACT"', '"restraint": |'));
    assert.ok(!got.includes('Image') && !got.includes('pip'), JSON.stringify(got));
  });

  // Keys already present are not offered again: each case leaves the expected keys out of its object.
  const HEAD = '{\n  "model_type": "Image",\n  "model_algorithm": "a",\n';
  const keyCases: [string, string, string[]][] = [
    ['the top level', HEAD + '  |\n}', ['apis', 'health', 'metrics', 'swr_location', 'runtime', 'dependencies']],
    ['an api', HEAD + '  "apis": [{ | }]\n}', ['url', 'method', 'protocol', 'request', 'response']],
    ['a request', HEAD + '  "apis": [{ "url": "/", "request": { | } }]\n}', ['Content-type', 'data']],
    ['health', HEAD + '  "health": { | }\n}', ['url', 'protocol', 'initial_delay_seconds', 'timeout_seconds', 'period_seconds', 'failure_threshold']],
    ['a dependency', HEAD + '  "dependencies": [{ | }]\n}', ['installer', 'packages']],
    ['a package', HEAD + '  "dependencies": [{ "installer": "pip", "packages": [{ | }] }]\n}', ['package_name', 'package_version', 'restraint']],
  ];
  for (const [name, marked, expected] of keyCases) {
    it(`offers the known keys of ${name}`, async () => {
      const got = await complete(en, marked);
      for (const k of expected) assert.ok(got.includes(k), `${k} missing from ${JSON.stringify(got)}`);
    });
  }

  it('hovers a field with its English description', async () => {
    const text = await hover(en, BASE.replace('"model_type"', '"model_|type"'));
    assert.match(text, /engine/i);
    assert.doesNotMatch(text, /[\u4e00-\u9fff]/);
  });

  it('hovers a field with its Chinese description under zh-cn', async () => {
    const text = await hover(zh, BASE.replace('"model_type"', '"model_|type"'));
    assert.match(text, /[\u4e00-\u9fff]/);
    assert.match(text, /引擎/);
  });

  it('links the rule page from the hover of a checked field', async () => {
    const enText = await hover(en, BASE.replace('"url": "/predict"', '"u|rl": "/predict"'));
    assert.match(enText, /\[MA113\]\(file:\/\/[^)]*\/docs\/rules\/MA113\.md\)/);
    const zhText = await hover(zh, BASE.replace('"url": "/health"', '"u|rl": "/health"'));
    assert.match(zhText, /规则：\[MA111\]\(file:\/\/[^)]*\/docs\/rules\/zh-cn\/MA111\.md\)/, 'the Chinese page');
  });

  it('offers nothing in an unrelated config.json', async () => {
    const other = path.join(dir, 'app', 'config.json');
    const { text, pos } = cursor('{ "name": "web", "port": 3000, | }');
    await en.open(other, text);
    const got = await en.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: uriOf(other) }, position: pos });
    assert.deepEqual(labels(got), []);
    const h = await en.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(other) }, position: { line: 0, character: 4 } });
    assert.equal(h, null);
  });

  it('offers the top-level keys in a config.json just begun', async () => {
    const fresh = path.join(dir, 'new', 'config.json');
    const { text, pos } = cursor('{\n  |\n}');
    await en.open(fresh, text);
    const got = labels(await en.request<CompletionList | null>('textDocument/completion', { textDocument: { uri: uriOf(fresh) }, position: pos }));
    for (const k of ['model_type', 'model_algorithm', 'apis']) assert.ok(got.includes(k), `${k} missing from ${JSON.stringify(got)}`);
  });
});
