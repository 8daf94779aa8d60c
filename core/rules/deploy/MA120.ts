// MA120: The deployment file is not valid JSON or not an object. Page: docs/rules/MA120.md
// The deployment file is ours (JSON with comments and trailing commas). When it does not parse, nothing of it is used:
// a local run would test another deployment (port, probes, user) than the one the console is set to.
import type { Localized, RawFinding } from '../../types';
import { L } from '../../i18n';
import { MAX_CONFIG_DEPTH, type ConfigDoc } from '../../parse/config';
import { stripComments } from 'jsonc-parser';
import { defineRule } from '../rule';
import { jsonErrorText } from '../../analysis/config/syntax';
import { isObj } from '../../analysis/config/paths';

const UNUSED = [
  'Nothing of it is used until it is a valid JSON object: the checks and the local run would follow another deployment (port, probes, '
    + 'user) than the console\'s.',
  '在它成为合法的 JSON 对象之前其中的内容都不会被使用：检查与本地运行将按照与控制台不同的部署设置（端口、探针、用户）进行。',
];

const messages = {
  binary: L(`modelarts-deploy.json is not a text file (it contains NUL bytes). Save it as UTF-8 JSON. ${UNUSED[0]}`,
    `modelarts-deploy.json 不是文本文件（含有 NUL 字节）。请保存为 UTF-8 编码的 JSON。${UNUSED[1]}`),
  tooLarge: L(`modelarts-deploy.json is larger than 5 MB: a deployment file holds a port and a few probes. Check that this is the right file. ${UNUSED[0]}`,
    `modelarts-deploy.json 超过 5 MB：部署文件只包含端口和几个探针。请确认文件是否正确。${UNUSED[1]}`),
  notUtf8: L(`modelarts-deploy.json is not UTF-8: reopen it with its encoding and save it as UTF-8. ${UNUSED[0]}`,
    `modelarts-deploy.json 不是 UTF-8 编码：请以原编码重新打开并另存为 UTF-8。${UNUSED[1]}`),
  tooDeep: L(`modelarts-deploy.json is nested more than ${MAX_CONFIG_DEPTH} levels deep: a deployment file nests three. Check that this is the right file. `
      + UNUSED[0],
    `modelarts-deploy.json 的嵌套超过 ${MAX_CONFIG_DEPTH} 层：部署文件只有三层。请确认文件是否正确。${UNUSED[1]}`),
  invalid: (t: Localized, more: number) => L(
    `Invalid JSON in modelarts-deploy.json: ${t.en}${more ? ` (and ${more} more error${more > 1 ? 's' : ''} after it)` : ''}. ${UNUSED[0]}`,
    `modelarts-deploy.json 的 JSON 无效：${t.zh}${more ? `（其后还有 ${more} 处错误）` : ''}。${UNUSED[1]}`),
  empty: L(`modelarts-deploy.json is empty: it must hold a JSON object such as {"port": 8080}. Delete the file if the console's defaults suit you.`,
    'modelarts-deploy.json 为空：其中须是一个 JSON 对象，如 {"port": 8080}。如果控制台的默认设置即可满足，请删除该文件。'),
  notObject: (kind: string) => L(`modelarts-deploy.json holds ${kind}, not an object: write the settings as {"port": 8080, "probes": {...}}. ${UNUSED[0]}`,
    `modelarts-deploy.json 中是${kind === 'an array' ? '数组' : '单个值'}而不是对象：请写成 {"port": 8080, "probes": {...}}。${UNUSED[1]}`),
};

const finding = (doc: ConfigDoc, offset: number, length: number, message: Localized): RawFinding =>
  ({ code: 'MA120', file: doc.file, range: doc.rangeOf(offset, length), message });

function unreadable(doc: ConfigDoc): RawFinding {
  const at = doc.unreadableAt ?? 0;
  const why = doc.unreadable;
  const message = why === 'too-large' ? messages.tooLarge : why === 'not-utf8' ? messages.notUtf8 : why === 'too-deep' ? messages.tooDeep : messages.binary;
  return finding(doc, at, why === 'not-utf8' || why === 'too-deep' ? 1 : 0, message);
}

/** One finding, on the first syntax error (jsonc-parser's later ones are mostly its recovery's cascade). */
function check(doc: ConfigDoc): RawFinding[] {
  if (doc.unreadable) return [unreadable(doc)];
  if (doc.value === undefined && !stripComments(doc.text).trim()) return [finding(doc, 0, doc.text.length > 0 ? 1 : 0, messages.empty)];
  const [first, ...rest] = doc.syntaxErrors;
  if (first) {
    const length = Math.max(first.length, first.offset < doc.text.length ? 1 : 0);
    // VS Code's JSON service shows the same error in the open file (jsonc mode): the editor yields it, as for MA100.
    return [{ ...finding(doc, first.offset, length, messages.invalid(jsonErrorText(first.error), rest.length)), jsonSyntax: 'json+jsonc' }];
  }
  if (doc.value === undefined || isObj(doc.value)) return [];
  const root = doc.root;
  if (!root) return [];
  return [finding(doc, root.offset, root.length, messages.notObject(root.type === 'array' ? 'an array' : `a ${root.type}`))];
}

export default defineRule({
  meta: {
    code: 'MA120',
    family: 'deploy',
    severity: 'error',
    title: L('The deployment file is not valid JSON or not an object', '部署文件不是合法的 JSON 或不是对象'),
  },
  messages,
  check: (ctx) => (ctx.deploy ? check(ctx.deploy) : []),
});
