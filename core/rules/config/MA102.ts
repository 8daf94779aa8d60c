// MA102: A field has the wrong type. Page: docs/rules/MA102.md
// Also the root: config.json is valid JSON but not an object (a bare `apis` list, as one published tutorial shows
// it, a string, a number). MA102 rather than MA100: the file parses, its top-level value has the wrong type.
import type { Node } from 'jsonc-parser';
import type { Localized, RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { edit, fix } from '../../analysis/config/edits';

const WHAT: Record<string, Localized> = {
  array: L('a JSON array', '一个 JSON 数组'),
  string: L('a JSON string', '一个 JSON 字符串'),
  number: L('a JSON number', '一个 JSON 数字'),
  boolean: L('a JSON boolean', '一个 JSON 布尔值'),
  null: L('null', 'null'),
};

const messages = {
  wrongType: (where: string, want: string, got: string) =>
    L(`${where} must be of type ${want}, not ${got}.`, `${where} 的类型应为 ${want}，而不是 ${got}。`),
  bareApis: L('config.json holds a bare list of apis, but ModelArts reads an object: put the list under "apis" in { } with '
      + 'model_algorithm and model_type (e.g. {"model_algorithm": "...", "model_type": "Image", "apis": [...]}).',
    'config.json 中只有一个 apis 列表，而 ModelArts 读取的是一个对象：请把该列表放进 { } 的 "apis" 字段，并补上 model_algorithm 与 '
      + 'model_type（如 {"model_algorithm": "...", "model_type": "Image", "apis": [...]}）。'),
  wrapFix: L('Wrap the list as {"apis": [...]}', '包装为 {"apis": [...]}'),
  notObject: (type: string) => {
    const what = WHAT[type] ?? L(type, type);
    return L(`config.json holds ${what.en}, but ModelArts reads a JSON object: write { } with at least model_algorithm and model_type `
        + '(and apis for an Image model).',
      `config.json 中是${what.zh}，而 ModelArts 读取的是 JSON 对象：请写成 { }，至少包含 model_algorithm 与 model_type（Image 模型还需 apis）。`);
  },
};

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function fromSchema(hit: SchemaHit): SchemaRead {
  const want = ([] as string[]).concat((hit.error.params as { type: string | string[] }).type).join(' or ');
  return { finding: { ...hit.generic(), message: messages.wrongType(hit.where, want, typeName(hit.value)) } };
}

const API_KEYS = ['url', 'method', 'protocol', 'request', 'response'];

/** True when every item is an object with at least one key of an `apis` entry. */
const looksLikeApis = (root: Node): boolean =>
  !!root.children?.length && root.children.every((item) =>
    item.type === 'object' && (item.children ?? []).some((p) => API_KEYS.includes(String(p.children?.[0]?.value))));

function notObject(doc: ConfigDoc, root: Node): RawFinding[] {
  const range = doc.rangeOf(root.offset, root.type === 'array' ? 1 : root.length);
  if (root.type !== 'array' || !looksLikeApis(root)) return [{ code: 'MA102', file: doc.file, range, message: messages.notObject(root.type) }];
  const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
  const wrap = [edit(doc, root.offset, 0, `{${eol}"apis": `), edit(doc, root.offset + root.length, 0, `${eol}}`)];
  return [{ code: 'MA102', file: doc.file, range, message: messages.bareApis, fixes: [fix(messages.wrapFix, wrap)] }];
}

export default defineRule({
  meta: {
    code: 'MA102',
    family: 'config',
    severity: 'error',
    title: L('A field has the wrong type', '字段类型错误'),
    rank: 1,
  },
  messages,
  fromSchema,
  notObject,
} satisfies ConfigRuleIn);
