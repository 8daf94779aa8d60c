// schemas/config.schema.json: a valid draft-07 schema, every field described in English and Chinese, and usable
// by vscode-json-languageservice (completion and hover read it as it is).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { getLanguageService, TextDocument } from 'vscode-json-languageservice';
import { configSchema, localizedSchema, MODEL_TYPES, CONTENT_TYPES, DATA_TYPES, UNDOCUMENTED_TOP_KEYS } from '../../core/schema/configSchema';

type S = Record<string, unknown>;

test('the schema is valid draft-07', () => {
  const ajv = new Ajv({ strict: false });
  assert.equal(ajv.validateSchema(configSchema), true, JSON.stringify(ajv.errors));
  assert.match(String(configSchema.$comment), /x-description-zh/);
});

test('every declared property has description and x-description-zh; enumDescriptions match enums', () => {
  const seen = new Set<unknown>();
  const missing: string[] = [];
  const walk = (s: unknown, where: string) => {
    if (!s || typeof s !== 'object' || seen.has(s)) return;
    seen.add(s);
    const o = s as S;
    if (o.properties && typeof o.properties === 'object') {
      for (const [k, p] of Object.entries(o.properties as S)) {
        const ps = p as S;
        const ref = typeof ps.$ref === 'string' ? ((configSchema.definitions as S)[ps.$ref.split('/').pop()!] as S) : undefined;
        const desc = ps.description ?? ref?.description;
        const zh = ps['x-description-zh'] ?? ref?.['x-description-zh'];
        // Keywords inside data schemas and the if/then branches are described where they are declared.
        const declaredElsewhere = where.includes('dataSchema') || where.includes('allOf') || where.includes('/if') || where.includes('then');
        if (!declaredElsewhere && (!desc || !zh)) missing.push(`${where}.${k}`);
      }
    }
    if (Array.isArray(o.enum) && Array.isArray(o.enumDescriptions)) {
      assert.equal(o.enumDescriptions.length, o.enum.length, `${where} enumDescriptions`);
      assert.equal((o['x-enumDescriptions-zh'] as unknown[]).length, o.enum.length, `${where} x-enumDescriptions-zh`);
    }
    for (const [k, v] of Object.entries(o)) if (k !== 'defaultSnippets' && k !== 'examples') walk(v, `${where}/${k}`);
  };
  walk(configSchema, '#');
  assert.deepEqual(missing, []);
});

test('lists derived from the schema', () => {
  assert.ok(MODEL_TYPES.includes('Image') && MODEL_TYPES.includes('Scikit_Learn'));
  assert.deepEqual(CONTENT_TYPES, ['application/json', 'multipart/form-data']);
  assert.ok(DATA_TYPES.includes('file'));
  assert.deepEqual([...UNDOCUMENTED_TOP_KEYS].sort(),
    ['algorithm', 'downloadable_flag', 'model_source', 'port', 'protocol', 'readiness_health', 'startup_health', 'tunable']);
});

test('vscode-json-languageservice completes and hovers from the schema', async () => {
  const ls = getLanguageService({});
  ls.configure({ validate: true, schemas: [{ uri: 'modelarts://config.schema.json', fileMatch: ['*/config.json'], schema: localizedSchema('en') as never }] });
  const text = '{\n  "model_type": "",\n  "health": {"url": "/health"}\n}';
  const doc = TextDocument.create('file:///m/config.json', 'json', 1, text);
  const json = ls.parseJSONDocument(doc);
  const list = await ls.doComplete(doc, { line: 1, character: 17 }, json);
  const labels = (list?.items ?? []).map((i) => i.label);
  assert.ok(labels.includes('"Image"') && labels.includes('"TensorFlow"'), JSON.stringify(labels));
  const root = await ls.doComplete(TextDocument.create('file:///m/config.json', 'json', 1, ''), { line: 0, character: 0 }, ls.parseJSONDocument(TextDocument.create('file:///m/config.json', 'json', 1, '')));
  assert.ok((root?.items ?? []).some((i) => /Image model/.test(String(i.label))), 'skeleton snippet offered in an empty file');
  const hover = await ls.doHover(doc, { line: 2, character: 5 }, json);
  assert.match(JSON.stringify(hover?.contents), /Health check/);
});

test('localizedSchema: zh-cn texts replace the English ones; each call is a fresh copy', () => {
  const zh = localizedSchema('zh-cn') as { properties: Record<string, S> };
  assert.match(String(zh.properties.model_type.description), /引擎/);
  assert.match(String((zh.properties.model_type.enumDescriptions as string[])[8]), /自定义镜像/);
  assert.match(String((configSchema.properties as Record<string, S>).model_type.description), /engine/);
  assert.deepEqual(localizedSchema('en'), configSchema);
  assert.notEqual(localizedSchema('en'), configSchema);
});

test('the top-level snippets, with their placeholders filled, are clean configs', async () => {
  const { check } = await import('./config-helpers');
  const snippets = configSchema.defaultSnippets as { label: string; body: unknown }[];
  assert.ok(snippets.length >= 2);
  for (const sn of snippets) {
    const text = JSON.stringify(sn.body, null, 2).replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1');
    const found = check(text).filter((f) => f.severity !== 'info');
    assert.deepEqual(found.map((f) => f.message.en), [], sn.label);
  }
});
