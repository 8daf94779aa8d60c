// MA201: Port 8080 (the deployment's port) is not exposed. Page: docs/rules/MA201.md
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
import { portNote, servicePort, type ServicePort } from '../../analysis/deploy';

const messages = {
  missingServed: (to: ServicePort, at: string) => L(
    `No EXPOSE ${to.port}. Nothing is wrong for ModelArts: it ignores EXPOSE, and the server listens on 0.0.0.0:${to.port} (${at})${portNote(to, 'en')}. `
      + `Add EXPOSE ${to.port} to document the port.`,
    `没有 EXPOSE ${to.port}。这对 ModelArts 没有影响：它忽略 EXPOSE，而服务已监听 0.0.0.0:${to.port}（${at}）${portNote(to, 'zh')}。`
      + `可添加 EXPOSE ${to.port} 以注明端口。`),
  missing: (to: ServicePort) => L(
    `No EXPOSE ${to.port}, and nothing here tells which port the server listens on: ModelArts sends requests to port ${to.port} `
      + `of the container${portNote(to, 'en')} (it ignores EXPOSE). Make sure the server listens on 0.0.0.0:${to.port}, and add EXPOSE ${to.port} to `
      + 'document it.',
    `没有 EXPOSE ${to.port}，也无法确定服务监听的端口：ModelArts 把请求转发到容器的 ${to.port} 端口${portNote(to, 'zh')}（它忽略 EXPOSE）。`
      + `请确保服务监听 0.0.0.0:${to.port}，并添加 EXPOSE ${to.port} 注明端口。`),
  otherServed: (port: string, to: ServicePort, at: string) => L(
    `EXPOSE ${port} but the server listens on ${to.port} (${at})${portNote(to, 'en')}. Nothing is wrong for ModelArts, which ignores EXPOSE; `
      + `expose ${to.port} so the Dockerfile documents the port it uses.`,
    `暴露了 ${port}，但服务监听 ${to.port}（${at}）${portNote(to, 'zh')}。ModelArts 忽略 EXPOSE，因此没有影响；请改为暴露 ${to.port}，使 Dockerfile 注明实际端口。`),
  other: (port: string, to: ServicePort) => L(
    `EXPOSE ${port} but not ${to.port}: ModelArts sends requests to port ${to.port}${portNote(to, 'en')}. Expose ${to.port} and serve on it.`,
    `暴露了 ${port} 而不是 ${to.port}：ModelArts 把请求转发到 ${to.port} 端口${portNote(to, 'zh')}。请暴露 ${to.port} 并在该端口提供服务。`),
  addFix: (port: number) => L(`Add EXPOSE ${port}`, `添加 EXPOSE ${port}`),
  replaceFix: (port: number) => L(`Expose ${port} instead`, `改为暴露 ${port}`),
};

interface Wrong { ins: Instruction; start: number; end: number; value: string }

/** The EXPOSE arguments that do not cover the service port (tcp); undefined when one covers it or cannot be read. */
function wrongExposes(f: Facts, port: number): Wrong[] | undefined {
  const wrong: Wrong[] = [];
  for (const ins of f.m.instrs.filter((i) => kwOf(i) === 'EXPOSE')) {
    for (const a of argsOf(ins)) {
      const e = expandVars(a.getValue(), f.m.varsAt(ins));
      if (e.unresolved) return undefined;
      const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp))?$/i.exec(e.value);
      if (!m) return undefined;
      const lo = +m[1], hi = m[2] ? +m[2] : lo;
      if (lo <= port && port <= hi && (m[3] ?? 'tcp').toLowerCase() === 'tcp') return undefined;
      wrong.push({ ins, start: f.m.offsetOf(a.getRange().start), end: f.m.offsetOf(a.getRange().end), value: e.value });
    }
  }
  return wrong;
}

/** Where the server is known to listen on 0.0.0.0:port (every server the start command runs), else undefined. */
function servedOn(f: Facts, port: number): Loc | undefined {
  if (!f.listens.length || !f.listens.every((l) => l.port === String(port) && !!l.host && !isLoopback(l.host))) return undefined;
  return f.listens[0].portLoc ?? f.listens[0].at;
}

function missingExpose(ctx: ProjectContext, f: Facts, to: ServicePort, served: Loc | undefined): RawFinding {
  const from = f.m.final!.from;
  const before = f.m.cmd ?? f.m.entrypoint;
  const line = `EXPOSE ${to.port}`;
  const edit = before && f.m.final!.instrs.includes(before) ? insertLine(ctx, before.getRange().start.line, line)
    : insertAfter(ctx, f.m.instrs[f.m.instrs.length - 1] ?? from, line);
  const msg = served ? messages.missingServed(to, where(ctx, served)) : messages.missing(to);
  return find(ctx, 'MA201', from.getRange(), msg, { ...severityFor(served), fixes: [fix(messages.addFix(to.port), [edit], true)] });
}

// ModelArts ignores EXPOSE and sends requests to the service port (8080, or the deployment file's under current): when
// the code is known to serve 0.0.0.0 on it, EXPOSE only documents the port (a hint); when nothing tells the port, a
// missing EXPOSE is a warning.
const severityFor = (served: Loc | undefined): Partial<RawFinding> => (served ? { severity: 'hint' } : {});

export default defineRule({
  meta: { code: 'MA201', family: 'dockerfile', severity: 'warning', title: L('Port 8080 is not exposed', '未暴露 8080 端口') },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f) return [];
    const to = servicePort(ctx);
    const wrong = wrongExposes(f, to.port);
    if (!wrong) return [];
    const served = servedOn(f, to.port);
    if (!wrong.length) return [missingExpose(ctx, f, to, served)];
    return wrong.map((w) => {
      const range = ctx.dockerfile!.rangeOf(w.start, w.end - w.start);
      const msg = served ? messages.otherServed(w.value, to, where(ctx, served)) : messages.other(w.value, to);
      const edits = [{ file: ctx.dockerfile!.file, range, newText: String(to.port) }];
      return find(ctx, 'MA201', range, msg, { ...severityFor(served), fixes: [fix(messages.replaceFix(to.port), edits, true)] });
    });
  },
});
