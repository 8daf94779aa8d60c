// MA113: An api url not starting with /, or duplicated url and method. Page: docs/rules/MA113.md
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { isObj, rangeOfNode } from '../../analysis/config/paths';
import { leadingSlash } from '../../analysis/config/schemaReads';

const messages = {
  duplicate: (i: number, url: string, method: string, first: number) => L(
    `apis[${i}] repeats url "${url}" with method ${method} of apis[${first}]: each url and method pair must be unique. `
      + 'Remove one or change its url.',
    `apis[${i}] 与 apis[${first}] 的 url "${url}" 和方法 ${method} 重复：url 与方法的组合必须唯一。请删除其一或修改 url。`),
  firstHere: L('first declared here', '首次声明处'),
};

function duplicate(doc: ConfigDoc, i: number, first: number, url: string, method: string): RawFinding | undefined {
  const n = doc.nodeAt(['apis', i, 'url']);
  if (!n) return undefined;
  const firstNode = doc.nodeAt(['apis', first, 'url']);
  const f: RawFinding = { code: 'MA113', file: doc.file, range: rangeOfNode(doc, n), message: messages.duplicate(i, url, method.toUpperCase(), first) };
  if (firstNode) f.related = [{ file: doc.file, range: rangeOfNode(doc, firstNode), message: messages.firstHere }];
  return f;
}

/** Two apis with the same url and method (method defaults to POST, case does not matter). */
function duplicates(doc: ConfigDoc): RawFinding[] {
  const apis = (doc.value as { apis?: unknown }).apis;
  const out: RawFinding[] = [];
  if (!Array.isArray(apis)) return out;
  const seen = new Map<string, number>();
  apis.forEach((api, i) => {
    if (!isObj(api) || typeof api.url !== 'string') return;
    const method = (typeof api.method === 'string' ? api.method : 'post').toLowerCase();
    const k = `${method} ${api.url}`;
    const first = seen.get(k);
    if (first === undefined) seen.set(k, i);
    else {
      const f = duplicate(doc, i, first, api.url, method);
      if (f) out.push(f);
    }
  });
  return out;
}

const fromSchema = (hit: SchemaHit): SchemaRead => ({ finding: leadingSlash(hit) ?? hit.generic() });

export default defineRule({
  meta: {
    code: 'MA113',
    family: 'config',
    severity: 'error',
    title: L('An api url not starting with /, or duplicated url and method', 'api 的 url 不以 / 开头，或 url 与 method 重复'),
    rank: 10,
  },
  messages,
  semantic: duplicates,
  fromSchema,
  trust: 'shape',
} satisfies ConfigRuleIn);
