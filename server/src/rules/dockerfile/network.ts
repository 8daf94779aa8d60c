// MA201 (EXPOSE 8080), MA202 (server bound to loopback), MA203 (server on another port).
import type { Instruction } from 'dockerfile-ast';
import type { Fix, RawFinding, Range } from '../../core/types';
import { L } from '../../core/i18n';
import type { ProjectContext } from '../context';
import { expandVars } from '../../analysis/shell';
import { isLoopback, type Listen } from '../../analysis/servers';
import type { Loc } from '../../analysis/entry';
import { facts, find, fix, insertAfter, insertLine, rangeOfLoc, related, where, argsRange, type Facts } from './facts';
import { kwOf, argsOf } from '../../analysis/image';

export function ma201(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const exposes = f.m.instrs.filter((i) => kwOf(i) === 'EXPOSE');
  const wrong: { ins: Instruction; start: number; end: number; value: string }[] = [];
  for (const ins of exposes) {
    for (const a of argsOf(ins)) {
      const e = expandVars(a.getValue(), f.m.varsAt(ins));
      if (e.unresolved) return [];
      const m = /^(\d+)(?:-(\d+))?(?:\/(tcp|udp))?$/i.exec(e.value);
      if (!m) return [];
      const lo = +m[1], hi = m[2] ? +m[2] : lo;
      if (lo <= 8080 && 8080 <= hi && (m[3] ?? 'tcp').toLowerCase() === 'tcp') return [];
      wrong.push({ ins, start: f.m.offsetOf(a.getRange().start), end: f.m.offsetOf(a.getRange().end), value: e.value });
    }
  }
  const from = f.m.final!.from;
  if (!wrong.length) {
    const before = f.m.cmd ?? f.m.entrypoint;
    const edit = before && f.m.final!.instrs.includes(before) ? insertLine(ctx, before.getRange().start.line, 'EXPOSE 8080')
      : insertAfter(ctx, f.m.instrs[f.m.instrs.length - 1] ?? from, 'EXPOSE 8080');
    return [find(ctx, 'MA201', from.getRange(), L('No EXPOSE 8080: ModelArts sends requests to port 8080 of the container. Add EXPOSE 8080 and serve on 0.0.0.0:8080.', '没有 EXPOSE 8080：ModelArts 把请求转发到容器的 8080 端口。请添加 EXPOSE 8080，并在 0.0.0.0:8080 上提供服务。'),
      { fixes: [fix('Add EXPOSE 8080', '添加 EXPOSE 8080', [edit], true)] })];
  }
  return wrong.map((w) => find(ctx, 'MA201', ctx.dockerfile!.rangeOf(w.start, w.end - w.start),
    L(`EXPOSE ${w.value} but not 8080: ModelArts sends requests to port 8080. Expose 8080 and serve on it.`, `暴露了 ${w.value} 而不是 8080：ModelArts 把请求转发到 8080 端口。请暴露 8080 并在该端口提供服务。`),
    { fixes: [fix('Expose 8080 instead', '改为暴露 8080', [{ file: ctx.dockerfile!.file, range: ctx.dockerfile!.rangeOf(w.start, w.end - w.start), newText: '8080' }], true)] }));
}

/** Range on the Dockerfile for a location that may be in another file (then: the start command, with `related`). */
function anchor(ctx: ProjectContext, f: Facts, loc: Loc): { range: Range; related?: ReturnType<typeof related>[] } {
  if (loc.file === f.file) return { range: rangeOfLoc(ctx, loc) };
  const a = f.start.anchor!;
  return { range: argsRange(a), related: [related(ctx, loc, 'The server is started here', '服务在此处启动')] };
}

function flagFix(ctx: ProjectContext, l: Listen, host: boolean, port: boolean): Fix | undefined {
  const flags = l.flags?.(host, port);
  if (!flags?.length || !l.insertAfter) return undefined;
  const json = l.insertAfter.text[l.insertAfter.start] === '"';
  const text = json ? flags.map((x) => `, ${JSON.stringify(x)}`).join('') : ' ' + flags.join(' ');
  const at = rangeOfLoc(ctx, l.insertAfter).end;
  return fix(`Add ${flags.join(' ')}`, `添加 ${flags.join(' ')}`, [{ file: l.insertAfter.file, range: { start: at, end: at }, newText: text }], true);
}

export function ma202(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const out: RawFinding[] = [];
  for (const l of f.listens) {
    if (!isLoopback(l.host)) continue;
    const loc = l.hostLoc ?? l.at;
    const a = anchor(ctx, f, loc);
    const fx = l.hostLoc ? fix('Bind to 0.0.0.0', '改为绑定 0.0.0.0', [{ file: l.hostLoc.file, range: rangeOfLoc(ctx, l.hostLoc), newText: '0.0.0.0' }], true) : flagFix(ctx, l, true, false);
    const said = l.hostLoc ? '' : ` (${l.server}'s default)`;
    const saidZh = l.hostLoc ? '' : `（${l.server} 的默认值）`;
    out.push(find(ctx, 'MA202', a.range, L(`${l.server} listens on ${l.host}${said} at ${where(ctx, loc)}: nothing outside the container can reach it. Bind to 0.0.0.0.`,
      `${l.server} 监听在 ${l.host}${saidZh}（${where(ctx, loc)}）：容器外无法访问。请绑定 0.0.0.0。`), { related: a.related, fixes: fx ? [fx] : undefined }));
  }
  return out;
}

export function ma203(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const out: RawFinding[] = [];
  for (const l of f.listens) {
    if (!l.port || !/^\d+$/.test(l.port) || l.port === '8080') continue;
    const loc = l.portLoc ?? l.at;
    const a = anchor(ctx, f, loc);
    const fx = l.portLoc ? fix('Listen on 8080', '改为监听 8080', [{ file: l.portLoc.file, range: rangeOfLoc(ctx, l.portLoc), newText: '8080' }], true) : flagFix(ctx, l, false, true);
    const said = l.portLoc ? '' : ` (${l.server}'s default)`;
    const saidZh = l.portLoc ? '' : `（${l.server} 的默认值）`;
    out.push(find(ctx, 'MA203', a.range, L(`${l.server} listens on port ${l.port}${said} at ${where(ctx, loc)}: ModelArts sends requests to port 8080. Listen on 8080.`,
      `${l.server} 监听端口 ${l.port}${saidZh}（${where(ctx, loc)}）：ModelArts 把请求转发到 8080 端口。请改为监听 8080。`), { related: a.related, fixes: fx ? [fx] : undefined }));
  }
  return out;
}
