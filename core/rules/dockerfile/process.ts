// MA206 (logs not to stdout), MA207 (no CMD/ENTRYPOINT), MA209 (main process in the background).
import * as path from 'node:path';
import type { RawFinding, Range, Related } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../context';
import type { Loc, Step } from '../../analysis/entry';
import { baseInfo } from '../../analysis/base';
import { facts, find, fix, insertAfter, rangeOfLoc, related, where, argsRange, type Facts } from './facts';
import { batchCmd } from './batch';

const STD = /^(\/dev\/(stdout|stderr|tty|console)|\/proc\/(self|1)\/fd\/[12])$/;
const SERVERS = /^(gunicorn|uvicorn|hypercorn|flask|waitress-serve|node|nodejs|java|python[\d.]*|npm|yarn|torchserve|tritonserver|nginx|streamlit)$/;

function anchor(ctx: ProjectContext, f: Facts, loc: Loc, en: string, zh: string): { range: Range; related?: Related[] } {
  if (loc.file === f.file) return { range: rangeOfLoc(ctx, loc) };
  return { range: argsRange(f.start.anchor!), related: [related(ctx, loc, en, zh)] };
}

const stepLoc = (s: Step): Loc => ({ ...s.words[0].loc, end: s.words[s.words.length - 1].loc.end });
const prog = (s: Step) => path.posix.basename(s.words[0]?.value ?? '');

export function ma206(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const out: RawFinding[] = [];
  for (const s of f.start.steps) {
    const serving = s.main || s.cmd.background || SERVERS.test(prog(s));
    if (!serving) continue;
    for (const r of s.cmd.redirects) {
      if (!r.target || !/>/.test(r.op) || r.op.endsWith('&')) continue;
      const t = r.target.value;
      if (STD.test(t) || (t === '/dev/null' && !s.main)) continue;
      const loc: Loc = { file: s.file, text: s.fileText, start: r.start, end: r.end };
      const a = anchor(ctx, f, loc, 'Output redirected here', '输出在此处被重定向');
      out.push(find(ctx, 'MA206', a.range, L(`The server's output goes to ${t} (${where(ctx, loc)}), not to stdout: ModelArts shows only what the container writes to stdout/stderr. Remove the redirect.`,
        `服务的输出被写到 ${t}（${where(ctx, loc)}），而不是标准输出：ModelArts 只显示容器写到 stdout/stderr 的日志。请删除该重定向。`),
        { related: a.related, fixes: [fix(L('Log to stdout (remove the redirect)', '输出到标准输出（删除重定向）'), [{ file: s.file, range: rangeOfLoc(ctx, loc), newText: '' }], true)] }));
    }
    if (prog(s) === 'gunicorn' || prog(s) === 'hypercorn') {
      const w = s.words;
      for (let i = 1; i < w.length; i++) {
        const m = /^(--access-logfile|--error-logfile|--log-file|--access-log|--error-log)(?:=(.*))?$/.exec(w[i].value);
        if (!m) continue;
        const val = m[2] ?? w[i + 1]?.value;
        const vloc = m[2] !== undefined ? w[i].loc : w[i + 1]?.loc;
        if (val === undefined || !vloc || val === '-' || STD.test(val)) continue;
        const raw = vloc.text.slice(vloc.start, vloc.end);
        const k = raw.lastIndexOf(val);
        const loc: Loc = k >= 0 ? { ...vloc, start: vloc.start + k, end: vloc.start + k + val.length } : vloc;
        const a = anchor(ctx, f, loc, 'Log file set here', '日志文件在此处设置');
        out.push(find(ctx, 'MA206', a.range, L(`${m[1]} writes logs to ${val}, not to stdout: ModelArts shows only stdout/stderr. Use ${m[1]} -`, `${m[1]} 把日志写到 ${val} 而不是标准输出：ModelArts 只显示 stdout/stderr。请改为 ${m[1]} -`),
          { related: a.related, fixes: [fix(L(`Use ${m[1]} -`, `改为 ${m[1]} -`), [{ file: loc.file, range: rangeOfLoc(ctx, loc), newText: '-' }], true)] }));
      }
    }
    if (s.nohup && s.cmd.background && !s.cmd.redirects.length) {
      const loc = stepLoc(s);
      const a = anchor(ctx, f, loc, 'Started with nohup here', '在此处用 nohup 启动');
      out.push(find(ctx, 'MA206', a.range, L(`nohup … & detaches the server (${where(ctx, loc)}): its output may go to nohup.out instead of stdout. Run it in the foreground with exec.`, `nohup … & 使服务脱离前台（${where(ctx, loc)}）：输出可能写到 nohup.out 而不是标准输出。请用 exec 在前台运行。`), { related: a.related }));
    }
  }
  return out;
}

export function ma207(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f || f.m.cmd || f.m.entrypoint || !baseInfo(f.m.baseImage)) return [];
  const from = f.m.final!.from;
  const cmd = batchCmd(ctx);
  const fixes = f.service.kind === 'batch' ? [fix(L(`Add ${cmd}`, `添加 ${cmd}`), [insertAfter(ctx, f.m.instrs[f.m.instrs.length - 1] ?? from, cmd)], true)] : undefined;
  return [find(ctx, 'MA207', from.getRange(), L('No CMD or ENTRYPOINT: nothing serves on port 8080 when the container starts. Add a CMD that starts your server in the foreground, e.g. CMD ["python3", "server.py"].',
    '没有 CMD 或 ENTRYPOINT：容器启动后没有服务监听 8080 端口。请添加在前台启动服务的 CMD，例如 CMD ["python3", "server.py"]。'), { fixes })];
}

export function ma209(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const out: RawFinding[] = [];
  for (const s of f.start.steps) {
    const p = prog(s);
    const w = s.words.map((x) => x.value);
    const daemon = (p === 'gunicorn' && w.some((x) => x === '-D' || x === '--daemon')) || (p === 'nginx' && s.main && !w.join(' ').includes('daemon off'));
    const service = s.main && ((p === 'service' && w[2] === 'start') || (p === 'systemctl' && w[1] === 'start') || (/^\/etc\/init\.d\//.test(w[0]) && w[1] === 'start'));
    const bg = s.main && s.cmd.background && !s.waitAfter;
    if (!daemon && !service && !bg) continue;
    const loc = stepLoc(s);
    const a = anchor(ctx, f, loc, 'Sent to the background here', '在此处被放到后台');
    out.push(find(ctx, 'MA209', a.range, L(`The main process is sent to the background (${where(ctx, loc)}): the container's main command then ends and the container stops. Run the server in the foreground (exec it, no &, no daemon mode).`,
      `主进程被放到后台（${where(ctx, loc)}）：容器主命令随即结束，容器会退出。请在前台运行服务（使用 exec，不加 &，不用守护进程模式）。`), { related: a.related }));
  }
  return out;
}
