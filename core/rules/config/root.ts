// MA102 on the root: config.json is valid JSON but not an object (a bare `apis` list, as one published tutorial
// shows it, a string, a number). MA102 rather than MA100: the file parses, its top-level value has the wrong type.
import type { Node } from 'jsonc-parser';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { edit, fix } from './edits';

const API_KEYS = ['url', 'method', 'protocol', 'request', 'response'];

/** True when every item is an object with at least one key of an `apis` entry. */
const looksLikeApis = (root: Node): boolean =>
  !!root.children?.length && root.children.every((item) =>
    item.type === 'object' && (item.children ?? []).some((p) => API_KEYS.includes(String(p.children?.[0]?.value))));

const WHAT: Record<string, [string, string]> = {
  array: ['a JSON array', '一个 JSON 数组'],
  string: ['a JSON string', '一个 JSON 字符串'],
  number: ['a JSON number', '一个 JSON 数字'],
  boolean: ['a JSON boolean', '一个 JSON 布尔值'],
  null: ['null', 'null'],
};

export function nonObjectRootFinding(doc: ConfigDoc, root: Node): RawFinding {
  const range = doc.rangeOf(root.offset, root.type === 'array' ? 1 : root.length);
  if (root.type === 'array' && looksLikeApis(root)) {
    const eol = doc.text.includes('\r\n') ? '\r\n' : '\n';
    return {
      code: 'MA102', file: doc.file, range,
      message: L('config.json holds a bare list of apis, but ModelArts reads an object: put the list under "apis" in { } with model_algorithm and model_type (e.g. {"model_algorithm": "...", "model_type": "Image", "apis": [...]}).',
        'config.json 中只有一个 apis 列表，而 ModelArts 读取的是一个对象：请把该列表放进 { } 的 "apis" 字段，并补上 model_algorithm 与 model_type（如 {"model_algorithm": "...", "model_type": "Image", "apis": [...]}）。'),
      fixes: [fix(L('Wrap the list as {"apis": [...]}', '包装为 {"apis": [...]}'), [
        edit(doc, root.offset, 0, `{${eol}"apis": `),
        edit(doc, root.offset + root.length, 0, `${eol}}`),
      ])],
    };
  }
  const [en, zh] = WHAT[root.type] ?? [root.type, root.type];
  return {
    code: 'MA102', file: doc.file, range,
    message: L(`config.json holds ${en}, but ModelArts reads a JSON object: write { } with at least model_algorithm and model_type (and apis for an Image model).`,
      `config.json 中是${zh}，而 ModelArts 读取的是 JSON 对象：请写成 { }，至少包含 model_algorithm 与 model_type（Image 模型还需 apis）。`),
  };
}
