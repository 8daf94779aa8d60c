// MA104: Unknown field. Page: docs/rules/MA104.md
// A misspelt key gets its did-you-mean and a rename fix, a key in the wrong object is told where it belongs, and a
// key seen in API responses and Terraform but not in the config-file spec is an info of its own.
import type { Localized, RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { configSchema, declaredKeys, UNDOCUMENTED_TOP_KEYS, type SchemaNode } from '../../schema/configSchema';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { keyNode, rangeOfNode, valueAt } from '../../analysis/config/paths';
import { nearest } from '../../analysis/config/near';
import { aliasOf, placeOf } from '../../analysis/config/places';
import { edit, fix } from '../../analysis/config/edits';

const messages = {
  undocumented: (k: string, place: Localized | undefined) => L(
    `"${k}" is not in the documented config.json fields (it appears in API responses or Terraform examples); ModelArts may ignore it.`
      + `${place ? ` If it is meant for an api or the health check, it belongs ${place.en}.` : ''}`,
    `"${k}" 不在 config.json 文档列出的字段中（见于 API 返回或 Terraform 示例），ModelArts 可能会忽略它。`
      + `${place ? `若它是 api 或健康检查的设置，应位于${place.zh}。` : ''}`),
  topLevel: L("config.json's top level", 'config.json 的顶层'),
  misspelt: (prop: string, at: Localized, guess: string) => L(
    `Unknown field "${prop}" in ${at.en}: did you mean "${guess}"? A misspelled field is not read, so its setting is lost.`,
    `${at.zh} 中有未知字段 "${prop}"：是否应为 "${guess}"？拼错的字段不会被读取，其设置将丢失。`),
  misplaced: (prop: string, at: Localized, place: Localized) => L(
    `"${prop}" does not belong in ${at.en}: it belongs ${place.en}. Here it is not read; move it there.`,
    `"${prop}" 不应写在${at.zh}中：它应位于${place.zh}。写在这里不会被读取，请移到该处。`),
  unknown: (prop: string, at: Localized, known: string[]) => L(
    `Unknown field "${prop}" in ${at.en}. Known fields: ${known.join(', ')}. Remove it or fix its name.`,
    `${at.zh} 中有未知字段 "${prop}"。已知字段：${known.join('、')}。请删除或改正字段名。`),
  renameFix: (guess: string) => L(`Rename to "${guess}"`, `改为 "${guess}"`),
};

/** Keys seen in API responses and Terraform but not in the config-file spec: one info each. */
function undocumentedKeys(doc: ConfigDoc, claimed: Set<string>): RawFinding[] {
  const out: RawFinding[] = [];
  for (const k of Object.keys(doc.value as object)) {
    if (!UNDOCUMENTED_TOP_KEYS.has(k)) continue;
    // One field, one verdict: "ModelArts may ignore it" already says all; its value's type is not judged
    // (real sample configs write "tunable": "false" and were imported).
    claimed.add(`/${k}/`);
    // `protocol` at the top level is most often an api's or health's protocol written one level too high.
    const key = keyNode(doc, [], k);
    const message = messages.undocumented(k, placeOf(k, configSchema));
    if (key) out.push({ code: 'MA104', file: doc.file, range: rangeOfNode(doc, key), message, severity: 'info' });
  }
  return out;
}

/** An unknown key (additionalProperties): the nearest known key, else where it belongs, else the known keys. */
function fromSchema(hit: SchemaHit): SchemaRead | undefined {
  const { doc, error, path } = hit;
  if (error.keyword !== 'additionalProperties') return { finding: hit.generic() };
  const prop = String((error.params as { additionalProperty: string }).additionalProperty);
  const key = keyNode(doc, path, prop);
  if (!key) return undefined;
  const known = declaredKeys(error.parentSchema as SchemaNode).filter((k) => path.length > 0 || !UNDOCUMENTED_TOP_KEYS.has(k));
  const guess = nearest(prop, known) ?? aliasOf(prop, known);
  const place = guess ? undefined : placeOf(prop, error.parentSchema as SchemaNode);
  const at = path.length ? L(hit.where, hit.where) : messages.topLevel;
  const message = guess ? messages.misspelt(prop, at, guess) : place ? messages.misplaced(prop, at, place) : messages.unknown(prop, at, known);
  const f: RawFinding = { code: hit.code, file: doc.file, range: rangeOfNode(doc, key), message };
  const read: SchemaRead = { key: error.instancePath + '#key:' + prop, finding: f };
  const siblings = Object.keys((valueAt(doc.value, path) as object | undefined) ?? {});
  if (guess && !siblings.includes(guess)) {
    f.fixes = [fix(messages.renameFix(guess), [edit(doc, key.offset, key.length, JSON.stringify(guess))])];
    read.supplies = error.instancePath + '!' + guess;
  }
  return read;
}

export default defineRule({
  meta: {
    code: 'MA104',
    family: 'config',
    severity: 'warning',
    title: L('Unknown field', '未知字段'),
    rank: 16,
  },
  messages,
  semantic: undocumentedKeys,
  fromSchema,
} satisfies ConfigRuleIn);
