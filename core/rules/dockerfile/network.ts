// MA201 (EXPOSE 8080), MA202 (server bound to loopback), MA203 (server on another port).
import type { Instruction } from 'dockerfile-ast';
import type { Fix, RawFinding, Range } from '../../types';
import { L } from '../../i18n';
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
  // ModelArts ignores EXPOSE and sends requests to 8080: when the code is known to serve 0.0.0.0:8080, EXPOSE
  // only documents the port (a hint); when nothing tells the port, a missing EXPOSE 8080 is a warning.
  const served = servedOn8080(f);
  const sev = served ? { severity: 'hint' as const } : {};
  const from = f.m.final!.from;
  if (!wrong.length) {
    const before = f.m.cmd ?? f.m.entrypoint;
    const edit = before && f.m.final!.instrs.includes(before) ? insertLine(ctx, before.getRange().start.line, 'EXPOSE 8080')
      : insertAfter(ctx, f.m.instrs[f.m.instrs.length - 1] ?? from, 'EXPOSE 8080');
    const msg = served
      ? L(`No EXPOSE 8080. Nothing is wrong for ModelArts: it ignores EXPOSE, and the server listens on 0.0.0.0:8080 (${where(ctx, served)}). Add EXPOSE 8080 to document the port.`,
        `没有 EXPOSE 8080。这对 ModelArts 没有影响：它忽略 EXPOSE，而服务已监听 0.0.0.0:8080（${where(ctx, served)}）。可添加 EXPOSE 8080 以注明端口。`)
      : L('No EXPOSE 8080, and nothing here tells which port the server listens on: ModelArts sends requests to port 8080 of the container (it ignores EXPOSE). Make sure the server listens on 0.0.0.0:8080, and add EXPOSE 8080 to document it.',
        '没有 EXPOSE 8080，也无法确定服务监听的端口：ModelArts 把请求转发到容器的 8080 端口（它忽略 EXPOSE）。请确保服务监听 0.0.0.0:8080，并添加 EXPOSE 8080 注明端口。');
    return [find(ctx, 'MA201', from.getRange(), msg, { ...sev, fixes: [fix('Add EXPOSE 8080', '添加 EXPOSE 8080', [edit], true)] })];
  }
  return wrong.map((w) => {
    const range = ctx.dockerfile!.rangeOf(w.start, w.end - w.start);
    const msg = served
      ? L(`EXPOSE ${w.value} but the server listens on 8080 (${where(ctx, served)}). Nothing is wrong for ModelArts, which ignores EXPOSE; expose 8080 so the Dockerfile documents the port it uses.`,
        `暴露了 ${w.value}，但服务监听 8080（${where(ctx, served)}）。ModelArts 忽略 EXPOSE，因此没有影响；请改为暴露 8080，使 Dockerfile 注明实际端口。`)
      : L(`EXPOSE ${w.value} but not 8080: ModelArts sends requests to port 8080. Expose 8080 and serve on it.`, `暴露了 ${w.value} 而不是 8080：ModelArts 把请求转发到 8080 端口。请暴露 8080 并在该端口提供服务。`);
    return find(ctx, 'MA201', range, msg, { ...sev, fixes: [fix('Expose 8080 instead', '改为暴露 8080', [{ file: ctx.dockerfile!.file, range, newText: '8080' }], true)] });
  });
}

/** Where the server is known to listen on 0.0.0.0:8080 (every server the start command runs), else undefined. */
function servedOn8080(f: Facts): Loc | undefined {
  if (!f.listens.length || !f.listens.every((l) => l.port === '8080' && !!l.host && !isLoopback(l.host))) return undefined;
  return f.listens[0].portLoc ?? f.listens[0].at;
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

/**
 * Rewrites the characters that spell a value (never its quotes or the expression around it), so `"127.0.0.1"`
 * becomes `"0.0.0.0"` and `5000` becomes `8080`. No literal (a value from the environment): no fix.
 */
function litFix(ctx: ProjectContext, lit: Loc | undefined, value: string, en: string, zh: string): Fix | undefined {
  return lit && fix(en, zh, [{ file: lit.file, range: rangeOfLoc(ctx, lit), newText: value }], true);
}

export function ma202(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const out: RawFinding[] = [];
  for (const l of f.listens) {
    if (!isLoopback(l.host)) continue;
    const loc = l.hostLoc ?? l.at;
    const a = anchor(ctx, f, loc);
    const fx = l.hostLoc ? litFix(ctx, l.hostLit, '0.0.0.0', 'Bind to 0.0.0.0', '改为绑定 0.0.0.0') : flagFix(ctx, l, true, false);
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
    const fx = l.portLoc ? litFix(ctx, l.portLit, '8080', 'Listen on 8080', '改为监听 8080') : flagFix(ctx, l, false, true);
    const said = l.portLoc ? '' : ` (${l.server}'s default)`;
    const saidZh = l.portLoc ? '' : `（${l.server} 的默认值）`;
    out.push(find(ctx, 'MA203', a.range, L(`${l.server} listens on port ${l.port}${said} at ${where(ctx, loc)}: ModelArts sends requests to port 8080. Listen on 8080.`,
      `${l.server} 监听端口 ${l.port}${saidZh}（${where(ctx, loc)}）：ModelArts 把请求转发到 8080 端口。请改为监听 8080。`), { related: a.related, fixes: fx ? [fx] : undefined }));
  }
  return out;
}
