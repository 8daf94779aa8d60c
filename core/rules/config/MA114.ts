// MA114: request.data / response.data is not a valid JSON Schema. Page: docs/rules/MA114.md
// Anything the schema finds wrong inside a data schema is MA114, whatever the keyword; keyword typos (`item`) are
// found by hand, since JSON Schema ignores unknown keywords.
import type { JSONPath } from 'jsonc-parser';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { DATA_TYPES } from '../../schema/configSchema';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { apiMessages, isObj, keyNode, rangeOfNode, type Obj } from '../../analysis/config/paths';
import { nearest } from '../../analysis/config/near';
import { edit, fix, replaceNode } from '../../analysis/config/edits';

const messages = {
  notSchema: (where: string, message: string | undefined, v: string) => L(
    `${where} is not valid JSON Schema: it ${message ?? 'is invalid'} (value ${v}). Fix it so the console can describe the body.`,
    `${where} 不是合法的 JSON Schema：${message ?? ''}（取值 ${v}）。请改正，控制台才能正确描述消息体。`),
  notType: (where: string, text: string, guess: string | undefined) => L(
    `${where}: "${text}" is not a type. Types allowed: ${DATA_TYPES.join(', ')} ("file" = an uploaded file).`
      + `${guess ? ` Did you mean "${guess}"?` : ''}`,
    `${where}："${text}" 不是合法的类型。允许的类型：${DATA_TYPES.join('、')}（"file" 表示上传的文件）。${guess ? `是否应为 "${guess}"？` : ''}`),
  changeFix: (guess: string) => L(`Change to "${guess}"`, `改为 "${guess}"`),
  keywordTypo: (k: string, right: string) => L(
    `"${k}" is not a JSON Schema keyword: did you mean "${right}"? As written it is ignored and the data is not described.`,
    `"${k}" 不是 JSON Schema 关键字：是否应为 "${right}"？按现在的写法它会被忽略，数据没有被描述。`),
  renameFix: (right: string) => L(`Rename to "${right}"`, `改为 "${right}"`),
};

/** JSON Schema keywords that a one-letter slip turns into an unknown keyword ModelArts silently ignores. */
const SCHEMA_TYPOS: Record<string, string> = {
  item: 'items', propertys: 'properties', property: 'properties', require: 'required', requried: 'required', itmes: 'items',
};

function typoFindings(doc: ConfigDoc, s: Obj, path: JSONPath, out: RawFinding[]): void {
  for (const k of Object.keys(s)) {
    const right = SCHEMA_TYPOS[k];
    const key = right && !(right in s) ? keyNode(doc, path, k) : undefined;
    if (!key) continue;
    out.push({
      code: 'MA114', file: doc.file, range: rangeOfNode(doc, key), message: messages.keywordTypo(k, right),
      fixes: [fix(messages.renameFix(right), [edit(doc, key.offset, key.length, JSON.stringify(right))])],
    });
  }
}

function walkDataSchema(doc: ConfigDoc, s: Obj, path: JSONPath, out: RawFinding[], depth = 0): void {
  if (depth > 32) return;
  typoFindings(doc, s, path, out);
  const props = s.properties;
  if (isObj(props)) for (const [name, sub] of Object.entries(props)) if (isObj(sub)) walkDataSchema(doc, sub, [...path, 'properties', name], out, depth + 1);
  for (const key of ['items', 'item'] as const) {
    const it = s[key];
    if (isObj(it)) walkDataSchema(doc, it, [...path, key], out, depth + 1);
    else if (Array.isArray(it)) it.forEach((sub, i) => isObj(sub) && walkDataSchema(doc, sub, [...path, key, i], out, depth + 1));
  }
  if (isObj(s.additionalProperties)) walkDataSchema(doc, s.additionalProperties, [...path, 'additionalProperties'], out, depth + 1);
}

/** Keyword typos inside every request and response data schema. */
function keywordTypos(doc: ConfigDoc): RawFinding[] {
  const out: RawFinding[] = [];
  for (const { msg, i, part } of apiMessages(doc.value)) if (isObj(msg.data)) walkDataSchema(doc, msg.data, ['apis', i, part, 'data'], out);
  return out;
}

/** A type outside the data types gets its did-you-mean; anything else is said in JSON Schema's words. */
function fromSchema(hit: SchemaHit): SchemaRead {
  const f = hit.generic();
  if (hit.error.keyword !== 'enum' || hit.text === undefined) {
    f.message = messages.notSchema(hit.where, hit.error.message, JSON.stringify(hit.value));
    return { finding: f };
  }
  const guess = nearest(hit.text, DATA_TYPES);
  f.message = messages.notType(hit.where, hit.text, guess);
  if (guess) f.fixes = [fix(messages.changeFix(guess), [replaceNode(hit.doc, hit.node, guess)])];
  return { finding: f };
}

/** Inside a request/response data schema: apis[i].request.data, apis[i].response.data and below. */
const inDataSchema = (path: JSONPath): boolean => path.length >= 4 && path[0] === 'apis' && path[3] === 'data';

export default defineRule({
  meta: {
    code: 'MA114',
    family: 'config',
    severity: 'warning',
    title: L('request.data / response.data is not a valid JSON Schema', 'request.data / response.data 不是合法的 JSON Schema'),
    rank: 11,
  },
  messages,
  semantic: keywordTypos,
  fromSchema,
  schemaTypes: true,
  schemaScope: inDataSchema,
} satisfies ConfigRuleIn);
