// MA122: Unknown key in the deployment file. Page: docs/rules/MA122.md
// A misspelt key is ignored, so the setting it meant silently keeps its default: a rename fix when one known key is
// near (a typo, a key without its `_seconds`, `cmd` for `command`).
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import { defineRule } from '../rule';
import { nearest } from '../../analysis/config/near';
import { edit, fix } from '../../analysis/config/edits';
import { keyNode, rangeOfNode } from '../../analysis/config/paths';
import { deployHits, type DeployHit } from '../../analysis/deploy';

const messages = {
  unknown: (key: string, where: string, known: string) => L(
    `Unknown key "${key}" in ${where}: it is ignored, so the setting it meant keeps its default. The keys here are ${known}.`,
    `${where} 中有未知的键 "${key}"：它会被忽略，其本意的设置将保持默认值。此处可用的键为 ${known}。`),
  didYouMean: (key: string, near: string, where: string) => L(
    `Unknown key "${key}" in ${where}: did you mean "${near}"? As written it is ignored, so ${near} keeps its default.`,
    `${where} 中有未知的键 "${key}"：是否应为 "${near}"？按现在的写法它会被忽略，${near} 将保持默认值。`),
  duplicate: (key: string, near: string, where: string) => L(
    `Unknown key "${key}" in ${where}: it is ignored (did you mean "${near}"? That key is set already). Remove it.`,
    `${where} 中有未知的键 "${key}"：它会被忽略（是否应为 "${near}"？该键已经设置）。请删除它。`),
  renameFix: (near: string) => L(`Rename to "${near}"`, `重命名为 "${near}"`),
};

/** Names people write for a key (the SDK's `cmd`, a memory without its unit). */
const ALIASES: Record<string, string> = { cmd: 'command', memory: 'memory_mb', container_port: 'port', method: 'check_method' };

/** A near key: a typo, an alias, or the one key whose `_`-separated words contain the written ones (`initial_delay`). */
function nearKey(key: string, known: string[]): string | undefined {
  const typo = nearest(key, known);
  if (typo) return typo;
  const alias = ALIASES[key.toLowerCase()];
  if (alias && known.includes(alias)) return alias;
  const words = key.toLowerCase();
  const containing = known.filter((k) => words.length >= 4 && `_${k}_`.includes(`_${words}_`));
  return containing.length === 1 ? containing[0] : undefined;
}

function findingOf(h: DeployHit): RawFinding | undefined {
  const e = h.errors.find((x) => x.keyword === 'additionalProperties');
  if (!e) return undefined;
  const key = String(e.params.additionalProperty);
  const props = (e.parentSchema as { properties?: Record<string, unknown> }).properties ?? {};
  const known = Object.keys(props).filter((k) => k !== '$schema');
  const node = keyNode(h.doc, h.path, key);
  if (!node) return undefined;
  const where = h.path.length ? h.where : 'the deployment file';
  const near = nearKey(key, known);
  const taken = near !== undefined && h.node.children?.some((p) => p.children?.[0]?.value === near);
  const range = rangeOfNode(h.doc, node);
  if (!near) return { code: 'MA122', file: h.doc.file, range, message: messages.unknown(key, where, known.join(', ')) };
  if (taken) return { code: 'MA122', file: h.doc.file, range, message: messages.duplicate(key, near, where) };
  const fixes = [fix(messages.renameFix(near), [edit(h.doc, node.offset, node.length, JSON.stringify(near))])];
  return { code: 'MA122', file: h.doc.file, range, message: messages.didYouMean(key, near, where), fixes };
}

export default defineRule({
  meta: {
    code: 'MA122',
    family: 'deploy',
    severity: 'warning',
    title: L('Unknown key in the deployment file', '部署文件中有未知的键'),
  },
  messages,
  check: (ctx) => deployHits(ctx).map(findingOf).filter((f): f is RawFinding => !!f),
});
