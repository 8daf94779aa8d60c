// MA107: A built-in engine declares more than one api or a url other than /. Page: docs/rules/MA107.md
import type { JSONPath } from 'jsonc-parser';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { keyNode, rangeOfNode, valueAt } from '../../analysis/config/paths';
import { fix, replaceNode } from '../../analysis/config/edits';

const messages = {
  oneApi: (where: string, n: number) => L(
    `A built-in engine serves one api only, at "/": ${where} has ${n}. Keep one, or use model_type "Image" for more paths.`,
    `内置引擎只提供一个 api（url 为 "/"）：${where} 有 ${n} 个。请只保留一个，或改用 model_type "Image"。`),
  rootOnly: (where: string, value: unknown) => L(
    `A built-in engine serves only "/": ${where} is ${JSON.stringify(value)}. Change it to "/", or use model_type "Image".`,
    `内置引擎只提供 "/"：${where} 为 ${JSON.stringify(value)}。请改为 "/"，或改用 model_type "Image"。`),
  rootFix: L('Change to "/"', '改为 "/"'),
};

/** Whether an api other than the one at `path` (…, 'apis', i, 'url') already has url "/" with the same method. */
function rootTaken(doc: ConfigDoc, path: JSONPath): boolean {
  const apis = valueAt(doc.value, path.slice(0, -2));
  const self = valueAt(doc.value, path.slice(0, -1)) as { method?: unknown } | undefined;
  if (!Array.isArray(apis)) return false;
  const method = String(self?.method ?? '').toLowerCase();
  return apis.some((a, i) => i !== path[path.length - 2] && a?.url === '/' && String(a?.method ?? '').toLowerCase() === method);
}

function fromSchema(hit: SchemaHit): SchemaRead {
  const { doc, error, path, where } = hit;
  const f = hit.generic();
  if (error.keyword === 'maxItems') {
    f.range = rangeOfNode(doc, keyNode(doc, path.slice(0, -1), 'apis') ?? hit.node);
    f.message = messages.oneApi(where, (hit.value as unknown[]).length);
  } else f.message = messages.rootOnly(where, hit.value);
  // Not when another api already serves "/" with that method: the fix would make a duplicate (MA113).
  if (error.keyword === 'const' && !rootTaken(doc, path)) f.fixes = [fix(messages.rootFix, [replaceNode(doc, hit.node, '/')])];
  return { finding: f };
}

export default defineRule({
  meta: {
    code: 'MA107',
    family: 'config',
    severity: 'error',
    title: L('A built-in engine declares more than one api or a url other than /', '内置引擎声明了多个 api 或 url 不是 /'),
    rank: 3,
  },
  messages,
  fromSchema,
} satisfies ConfigRuleIn);
