// MA201: Port 8080 is not exposed. Page: docs/rules/MA201.md
import type { Instruction } from 'dockerfile-ast';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import { expandVars } from '../../analysis/shell';
import { isLoopback } from '../../analysis/servers';
import type { Loc } from '../../analysis/entry';
import { kwOf, argsOf } from '../../analysis/image';
import { facts, find, fix, insertAfter, insertLine, where, type Facts } from '../../analysis/dockerfile/facts';

const messages = {
  missingServed: (at: string) => L(
    `No EXPOSE 8080. Nothing is wrong for ModelArts: it ignores EXPOSE, and the server listens on 0.0.0.0:8080 (${at}). `
      + 'Add EXPOSE 8080 to document the port.',
    `没有 EXPOSE 8080。这对 ModelArts 没有影响：它忽略 EXPOSE，而服务已监听 0.0.0.0:8080（${at}）。可添加 EXPOSE 8080 以注明端口。`),
  missing: L(
    'No EXPOSE 8080, and nothing here tells which port the server listens on: ModelArts sends requests to port 8080 '
      + 'of the container (it ignores EXPOSE). Make sure the server listens on 0.0.0.0:8080, and add EXPOSE 8080 to '
      + 'document it.',
    '没有 EXPOSE 8080，也无法确定服务监听的端口：ModelArts 把请求转发到容器的 8080 端口（它忽略 EXPOSE）。'
      + '请确保服务监听 0.0.0.0:8080，并添加 EXPOSE 8080 注明端口。'),
  otherServed: (port: string, at: string) => L(
    `EXPOSE ${port} but the server listens on 8080 (${at}). Nothing is wrong for ModelArts, which ignores EXPOSE; `
      + 'expose 8080 so the Dockerfile documents the port it uses.',
    `暴露了 ${port}，但服务监听 8080（${at}）。ModelArts 忽略 EXPOSE，因此没有影响；请改为暴露 8080，使 Dockerfile 注明实际端口。`),
  other: (port: string) => L(
    `EXPOSE ${port} but not 8080: ModelArts sends requests to port 8080. Expose 8080 and serve on it.`,
    `暴露了 ${port} 而不是 8080：ModelArts 把请求转发到 8080 端口。请暴露 8080 并在该端口提供服务。`),
  addFix: L('Add EXPOSE 8080', '添加 EXPOSE 8080'),
  replaceFix: L('Expose 8080 instead', '改为暴露 8080'),
};

interface Wrong { ins: Instruction; start: number; end: number; value: string }

/** The EXPOSE arguments that do not cover 8080/tcp; undefined when one covers it or cannot be read. */
function wrongExposes(f: Facts): Wrong[] | undefined {
  const wrong: Wrong[] = [];
  for (const ins of f.m.instrs.filter((i) => kwOf(i) === 'EXPOSE')) {
    for (const a of argsOf(ins)) {
      const e = expandVars(a.getValue(), f.m.varsAt(ins));
      if (e.unresolved) return undefined;
      const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp))?$/i.exec(e.value);
      if (!m) return undefined;
      const lo = +m[1], hi = m[2] ? +m[2] : lo;
      if (lo <= 8080 && 8080 <= hi && (m[3] ?? 'tcp').toLowerCase() === 'tcp') return undefined;
      wrong.push({ ins, start: f.m.offsetOf(a.getRange().start), end: f.m.offsetOf(a.getRange().end), value: e.value });
    }
  }
  return wrong;
}

/** Where the server is known to listen on 0.0.0.0:8080 (every server the start command runs), else undefined. */
function servedOn8080(f: Facts): Loc | undefined {
  if (!f.listens.length || !f.listens.every((l) => l.port === '8080' && !!l.host && !isLoopback(l.host))) return undefined;
  return f.listens[0].portLoc ?? f.listens[0].at;
}

function missingExpose(ctx: ProjectContext, f: Facts, served: Loc | undefined): RawFinding {
  const from = f.m.final!.from;
  const before = f.m.cmd ?? f.m.entrypoint;
  const edit = before && f.m.final!.instrs.includes(before) ? insertLine(ctx, before.getRange().start.line, 'EXPOSE 8080')
    : insertAfter(ctx, f.m.instrs[f.m.instrs.length - 1] ?? from, 'EXPOSE 8080');
  const msg = served ? messages.missingServed(where(ctx, served)) : messages.missing;
  return find(ctx, 'MA201', from.getRange(), msg, { ...severityFor(served), fixes: [fix(messages.addFix, [edit], true)] });
}

// ModelArts ignores EXPOSE and sends requests to 8080: when the code is known to serve 0.0.0.0:8080, EXPOSE only
// documents the port (a hint); when nothing tells the port, a missing EXPOSE 8080 is a warning.
const severityFor = (served: Loc | undefined): Partial<RawFinding> => (served ? { severity: 'hint' } : {});

export default defineRule({
  meta: { code: 'MA201', family: 'dockerfile', severity: 'warning', title: L('Port 8080 is not exposed', '未暴露 8080 端口') },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f) return [];
    const wrong = wrongExposes(f);
    if (!wrong) return [];
    const served = servedOn8080(f);
    if (!wrong.length) return [missingExpose(ctx, f, served)];
    return wrong.map((w) => {
      const range = ctx.dockerfile!.rangeOf(w.start, w.end - w.start);
      const msg = served ? messages.otherServed(w.value, where(ctx, served)) : messages.other(w.value);
      const edits = [{ file: ctx.dockerfile!.file, range, newText: '8080' }];
      return find(ctx, 'MA201', range, msg, { ...severityFor(served), fixes: [fix(messages.replaceFix, edits, true)] });
    });
  },
});
