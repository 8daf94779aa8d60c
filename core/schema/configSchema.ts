// The one JSON Schema of config.json (schemas/config.schema.json), validated by ajv code generated from it at
// build time (scripts/gen-validator.mjs): compiling it at start-up cost the server 100-200 ms.
// Rules, completion and hover all read this file; nothing here is copied from it by hand.
import type { ErrorObject } from 'ajv';
import schemaJson from '../../schemas/config.schema.json';
import validateFn from './generated/configValidator.js';
import type { Lang, Localized } from '../types';
import { L, pick } from '../i18n';
import { ruleDocUri } from '../docs';

export type SchemaNode = Record<string, unknown>;
// A private copy: vscode-json-languageservice resolves $refs in place in the schema objects it is given, so
// callers get their own copies (localizedSchema) and the rules keep this one untouched.
export const configSchema = structuredClone(schemaJson) as unknown as SchemaNode;

// Arrays longer than this are validated by their first items only: for each failing $ref item the generated code
// concatenates the whole error list again (quadratic: 100k wrong apis items took minutes). No real config.json
// comes near it, and the findings keep their paths (the first items keep their indexes).
const MAX_VALIDATED_ITEMS = 1000;
const MAX_SCAN_DEPTH = 64;

function hasLongArray(v: unknown, depth: number): boolean {
  if (depth > MAX_SCAN_DEPTH || !v || typeof v !== 'object') return false;
  if (Array.isArray(v)) return v.length > MAX_VALIDATED_ITEMS || v.some((x) => hasLongArray(x, depth + 1));
  return Object.values(v).some((x) => hasLongArray(x, depth + 1));
}

function capArrays(v: unknown, depth: number): unknown {
  if (depth > MAX_SCAN_DEPTH || !v || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.slice(0, MAX_VALIDATED_ITEMS).map((x) => capArrays(x, depth + 1));
  return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, capArrays(x, depth + 1)]));
}

export function validateConfig(value: unknown): ErrorObject[] {
  const v = hasLongArray(value, 0) ? capArrays(value, 0) : value;
  return validateFn(v) ? [] : [...(validateFn.errors ?? [])];
}

/** Follows a local `$ref` ("#/definitions/x") to its target; other schemas are returned as they are. */
function deref(s: SchemaNode | undefined): SchemaNode | undefined {
  let cur = s;
  for (let i = 0; cur && typeof cur.$ref === 'string' && i < 10; i++) {
    const parts = (cur.$ref as string).replace(/^#\//, '').split('/');
    let next: unknown = configSchema;
    for (const p of parts) next = (next as SchemaNode | undefined)?.[p];
    cur = next as SchemaNode | undefined;
  }
  return cur;
}

/** The properties a schema object declares (after $ref), for did-you-mean. */
export function declaredKeys(s: SchemaNode | undefined): string[] {
  const props = deref(s)?.properties;
  return props && typeof props === 'object' ? Object.keys(props) : [];
}

/** The schema of a property of the top-level object, $ref resolved. */
export const topLevelProperty = (key: string): SchemaNode | undefined =>
  deref((configSchema.properties as Record<string, SchemaNode>)[key]);

/** Top-level keys seen in the wild but absent from the config-file spec (`x-undocumented`). */
export const UNDOCUMENTED_TOP_KEYS: ReadonlySet<string> = new Set(
  Object.entries(configSchema.properties as Record<string, SchemaNode>).filter(([, s]) => s['x-undocumented']).map(([k]) => k),
);

const enumOf = (s: SchemaNode | undefined): string[] => ((deref(s)?.enum as unknown[]) ?? []).filter((x): x is string => typeof x === 'string');
export const MODEL_TYPES = enumOf(topLevelProperty('model_type'));
export const CONTENT_TYPES = enumOf(((deref(defn('message'))?.properties as Record<string, SchemaNode>)['Content-type']));

export function defn(name: string): SchemaNode | undefined {
  return (configSchema.definitions as Record<string, SchemaNode>)[name];
}

/** The types a request/response data schema may use (JSON Schema's plus ModelArts' "file"). */
export const DATA_TYPES = enumOf(defn('dataType'));

/** Values under these keywords are instances, not schemas: their texts stay as written. */
const INSTANCE_KEYWORDS = new Set(['enum', 'const', 'default', 'examples']);
const RULE_LABEL = L('Rule: ', '规则：');
const escapeMarkdown = (s: string): string => s.replace(/[\\`*_{}[\]()#+\-.!<>|]/g, (c) => '\\' + c);

/**
 * A fresh copy of the schema with its texts in one UI language, for completion and hover (hand it to
 * vscode-json-languageservice, which may modify it): under zh-cn, `description` and `enumDescriptions` take their
 * `x-…-zh` twins. With `ruleTitle` (the title of a rule code, undefined for none), a node whose `x-code` names a
 * rule also gets a `markdownDescription` that links to the rule's page.
 */
export function localizedSchema(lang: Lang, ruleTitle?: (code: string) => Localized | undefined): SchemaNode {
  return localize(configSchema, lang, ruleTitle);
}

/** localizedSchema for any of our schemas (they share the conventions: config.json's, the deployment file's). */
export function localize(schema: SchemaNode, lang: Lang, ruleTitle?: (code: string) => Localized | undefined): SchemaNode {
  const tr = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(tr);
    if (!v || typeof v !== 'object') return v;
    const src = v as SchemaNode;
    const o: SchemaNode = {};
    // Keys inside `properties`/`definitions` are names, not keywords: every value is walked but instances.
    for (const [k, x] of Object.entries(src)) o[k] = INSTANCE_KEYWORDS.has(k) ? structuredClone(x) : tr(x);
    if (lang === 'zh-cn') {
      if (typeof src['x-description-zh'] === 'string') o.description = src['x-description-zh'];
      if (Array.isArray(src['x-enumDescriptions-zh'])) o.enumDescriptions = src['x-enumDescriptions-zh'];
    }
    const code = src['x-code'];
    const title = typeof code === 'string' ? ruleTitle?.(code) : undefined;
    if (typeof o.description === 'string' && title) {
      const link = `${pick(RULE_LABEL, lang)}[${code}](${ruleDocUri(code as string, lang)}) ${escapeMarkdown(pick(title, lang))}`;
      o.markdownDescription = `${escapeMarkdown(o.description)}\n\n${link}`;
    }
    return o;
  };
  return tr(schema) as SchemaNode;
}
