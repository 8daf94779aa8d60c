// MA202 (server bound to loopback), MA203 (server on another port).
import type { Instruction } from 'dockerfile-ast';
import type { Fix, RawFinding, Range } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../context';
import { expandVars } from '../../analysis/shell';
import { isLoopback, type Listen } from '../../analysis/servers';
import type { Loc } from '../../analysis/entry';
import { facts, find, fix, insertAfter, insertLine, rangeOfLoc, related, where, argsRange, type Facts } from './facts';
import { kwOf, argsOf } from '../../analysis/image';

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
  return fix(L(`Add ${flags.join(' ')}`, `添加 ${flags.join(' ')}`), [{ file: l.insertAfter.file, range: { start: at, end: at }, newText: text }], true);
}

/**
 * Rewrites the characters that spell a value (never its quotes or the expression around it), so `"127.0.0.1"`
 * becomes `"0.0.0.0"` and `5000` becomes `8080`. No literal (a value from the environment): no fix.
 */
function litFix(ctx: ProjectContext, lit: Loc | undefined, value: string, en: string, zh: string): Fix | undefined {
  return lit && fix(L(en, zh), [{ file: lit.file, range: rangeOfLoc(ctx, lit), newText: value }], true);
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
