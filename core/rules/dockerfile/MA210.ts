// MA210: COPY/ADD of a path missing from the build context. Page: docs/rules/MA210.md
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Localized, RawFinding, Related } from '../../types';
import { L } from '../../i18n';
import { defineRule } from '../rule';
import { hasGlob, isUrl, normRel } from '../../analysis/context';
import { kwOf, type CopyOp } from '../../analysis/image';
import { facts, find, type Facts } from '../../analysis/dockerfile/facts';

const messages = {
  outside: (source: string, kw: string) => L(
    `${source} is outside the build context (the Dockerfile's folder): Docker cannot ${kw} it. Move the file into the folder.`,
    `${source} 不在构建上下文（Dockerfile 所在目录）中：Docker 无法 ${kw} 它。请把文件移到该目录下。`),
  noMatch: (source: string) => L(
    `No file in the build context matches ${source}: the build fails here.`,
    `构建上下文中没有与 ${source} 匹配的文件：构建会在此处失败。`),
  missing: (source: string, dir: string) => L(
    `${source} is not in the build context (${dir}): the build fails here. Check the path; it is relative to the Dockerfile's folder.`,
    `${source} 不在构建上下文（${dir}）中：构建会在此处失败。请检查路径，它相对于 Dockerfile 所在目录。`),
  excluded: (source: string, ignoreFile: string, kw: string) => L(
    `${source} is excluded by ${ignoreFile}: Docker does not send it, so the build fails here. Remove the exclusion or the ${kw}.`,
    `${source} 被 ${ignoreFile} 排除：Docker 不会发送它，构建会在此处失败。请删除该排除规则或这条 ${kw}。`),
  exclusionHere: L('The exclusion is here', '排除规则在此文件中'),
};

type Source = CopyOp['sources'][number];

/** A glob matches nothing Docker sends; Docker accepts that when another source of the same COPY exists. */
function globMissing(f: Facts, op: CopyOp, s: Source, rel: string): boolean {
  if (op.sources.some((o) => o !== s && !hasGlob(o.value) && f.bc.exists(normRel(o.value)))) return false;
  const l = f.bc.list();
  const isMatch = picomatch(rel, { dot: true });
  return l.complete && !l.files.some((x) => (isMatch(x) || isMatch(path.posix.dirname(x))) && !f.bc.isIgnored(x));
}

/** What is wrong with one source; `excluded` when .dockerignore leaves it out. */
function problem(f: Facts, op: CopyOp, s: Source): { message: Localized; excluded?: boolean } | undefined {
  const kw = kwOf(op.instr);
  const rel = normRel(s.value);
  if (rel === '..' || rel.startsWith('../')) return { message: messages.outside(s.value, kw) };
  if (hasGlob(rel)) return globMissing(f, op, s, rel) ? { message: messages.noMatch(s.value) } : undefined;
  if (!f.bc.exists(rel)) return { message: messages.missing(s.value, f.bc.dir) };
  if (!f.bc.isIgnored(rel) || f.bc.reincludes(rel)) return undefined;
  return { message: messages.excluded(s.value, path.basename(f.bc.ignoreFile ?? '.dockerignore'), kw), excluded: true };
}

export default defineRule({
  meta: {
    code: 'MA210',
    family: 'dockerfile',
    severity: 'error',
    title: L('COPY/ADD of a path missing from the build context', 'COPY/ADD 的路径不在构建上下文中'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f) return [];
    const start = { line: 0, character: 0 }, end = { line: 0, character: 0 };
    const ignoreRel: Related[] | undefined = f.bc.ignoreFile ? [{ file: f.bc.ignoreFile, range: { start, end }, message: messages.exclusionHere }] : undefined;
    const out: RawFinding[] = [];
    for (const op of f.m.allCopies) {
      if (op.fromStage) continue;
      for (const s of op.sources) {
        if (isUrl(s.value) || s.value.startsWith('<<') || s.value.includes('$')) continue;
        const p = problem(f, op, s);
        const range = ctx.dockerfile!.rangeOf(s.start, s.end - s.start);
        if (p) out.push(find(ctx, 'MA210', range, p.message, p.excluded ? { related: ignoreRel } : {}));
      }
    }
    return out;
  },
});
