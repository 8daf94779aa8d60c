// MA206: Logs do not go to stdout. Page: docs/rules/MA206.md
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import type { Loc, Step } from '../../analysis/entry';
import { anchor, facts, find, fix, rangeOfLoc, where, type Facts } from '../../analysis/dockerfile/facts';
import { progOf, stepLoc } from '../../analysis/dockerfile/steps';

const messages = {
  redirect: (target: string, at: string) => L(
    `The server's output goes to ${target} (${at}), not to stdout: ModelArts shows only what the container writes to `
      + 'stdout/stderr. Remove the redirect.',
    `服务的输出被写到 ${target}（${at}），而不是标准输出：ModelArts 只显示容器写到 stdout/stderr 的日志。请删除该重定向。`),
  redirectFix: L('Log to stdout (remove the redirect)', '输出到标准输出（删除重定向）'),
  redirectedHere: L('Output redirected here', '输出在此处被重定向'),
  logFile: (option: string, value: string) => L(
    `${option} writes logs to ${value}, not to stdout: ModelArts shows only stdout/stderr. Use ${option} -`,
    `${option} 把日志写到 ${value} 而不是标准输出：ModelArts 只显示 stdout/stderr。请改为 ${option} -`),
  logFileFix: (option: string) => L(`Use ${option} -`, `改为 ${option} -`),
  logFileHere: L('Log file set here', '日志文件在此处设置'),
  nohup: (at: string) => L(
    `nohup … & detaches the server (${at}): its output may go to nohup.out instead of stdout. Run it in the foreground with exec.`,
    `nohup … & 使服务脱离前台（${at}）：输出可能写到 nohup.out 而不是标准输出。请用 exec 在前台运行。`),
  nohupHere: L('Started with nohup here', '在此处用 nohup 启动'),
};

const STD = /^(\/dev\/(stdout|stderr|tty|console)|\/proc\/(self|1)\/fd\/[12])$/;
const SERVERS = /^(gunicorn|uvicorn|hypercorn|flask|waitress-serve|node|nodejs|java|python[\d.]*|npm|yarn|torchserve|tritonserver|nginx|streamlit)$/;
const LOG_OPTION = /^(--access-logfile|--error-logfile|--log-file|--access-log|--error-log)(?:=(.*))?$/;

/** Output redirected to a file (`> /var/log/app.log`); /dev/null only hides a helper's output, not the server's. */
function redirects(ctx: ProjectContext, f: Facts, s: Step): RawFinding[] {
  const out: RawFinding[] = [];
  for (const r of s.cmd.redirects) {
    if (!r.target || !/>/.test(r.op) || r.op.endsWith('&')) continue;
    const t = r.target.value;
    if (STD.test(t) || (t === '/dev/null' && !s.main)) continue;
    const loc: Loc = { file: s.file, text: s.fileText, start: r.start, end: r.end };
    const a = anchor(ctx, f, loc, messages.redirectedHere);
    const fx = fix(messages.redirectFix, [{ file: s.file, range: rangeOfLoc(ctx, loc), newText: '' }], true);
    out.push(find(ctx, 'MA206', a.range, messages.redirect(t, where(ctx, loc)), { related: a.related, fixes: [fx] }));
  }
  return out;
}

/** Where a log-file option's value is: the characters of the value inside `--opt=value` or the next word. */
function valueLoc(w: Step['words'], i: number, inline: string | undefined): { value: string; loc: Loc } | undefined {
  const value = inline ?? w[i + 1]?.value;
  const vloc = inline !== undefined ? w[i].loc : w[i + 1]?.loc;
  if (value === undefined || !vloc) return undefined;
  const k = vloc.text.slice(vloc.start, vloc.end).lastIndexOf(value);
  return { value, loc: k >= 0 ? { ...vloc, start: vloc.start + k, end: vloc.start + k + value.length } : vloc };
}

/** gunicorn / hypercorn log-file options that send the logs to a file instead of `-` (stdout). */
function logFileOptions(ctx: ProjectContext, f: Facts, s: Step): RawFinding[] {
  const out: RawFinding[] = [];
  const w = s.words;
  for (let i = 1; i < w.length; i++) {
    const m = LOG_OPTION.exec(w[i].value);
    const v = m && valueLoc(w, i, m[2]);
    if (!m || !v || v.value === '-' || STD.test(v.value)) continue;
    const a = anchor(ctx, f, v.loc, messages.logFileHere);
    const fx = fix(messages.logFileFix(m[1]), [{ file: v.loc.file, range: rangeOfLoc(ctx, v.loc), newText: '-' }], true);
    out.push(find(ctx, 'MA206', a.range, messages.logFile(m[1], v.value), { related: a.related, fixes: [fx] }));
  }
  return out;
}

function nohup(ctx: ProjectContext, f: Facts, s: Step): RawFinding {
  const loc = stepLoc(s);
  const a = anchor(ctx, f, loc, messages.nohupHere);
  return find(ctx, 'MA206', a.range, messages.nohup(where(ctx, loc)), { related: a.related });
}

function stepFindings(ctx: ProjectContext, f: Facts, s: Step): RawFinding[] {
  const out = redirects(ctx, f, s);
  if (progOf(s) === 'gunicorn' || progOf(s) === 'hypercorn') out.push(...logFileOptions(ctx, f, s));
  if (s.nohup && s.cmd.background && !s.cmd.redirects.length) out.push(nohup(ctx, f, s));
  return out;
}

export default defineRule({
  meta: {
    code: 'MA206',
    family: 'dockerfile',
    severity: 'warning',
    title: L('Logs do not go to stdout', '日志没有输出到标准输出'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f) return [];
    const serving = (s: Step) => s.main || s.cmd.background || SERVERS.test(progOf(s));
    return f.start.steps.filter(serving).flatMap((s) => stepFindings(ctx, f, s));
  },
});
