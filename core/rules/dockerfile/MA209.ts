// MA209: The main process is sent to the background. Page: docs/rules/MA209.md
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import type { Step } from '../../analysis/entry';
import { anchor, facts, find, where, type Facts } from '../../analysis/dockerfile/facts';
import { progOf, stepLoc } from '../../analysis/dockerfile/steps';

const messages = {
  background: (at: string) => L(
    `The main process is sent to the background (${at}): the container's main command then ends and the container stops. `
      + 'Run the server in the foreground (exec it, no &, no daemon mode).',
    `主进程被放到后台（${at}）：容器主命令随即结束，容器会退出。请在前台运行服务（使用 exec，不加 &，不用守护进程模式）。`),
  backgroundHere: L('Sent to the background here', '在此处被放到后台'),
};

/** A server in daemon mode (gunicorn -D, nginx without `daemon off`). */
function daemon(s: Step, p: string, w: string[]): boolean {
  return (p === 'gunicorn' && w.some((x) => x === '-D' || x === '--daemon')) || (p === 'nginx' && s.main && !w.join(' ').includes('daemon off'));
}

/** The main command starts a system service (service x start, systemctl start x, /etc/init.d/x start) and returns. */
function service(s: Step, p: string, w: string[]): boolean {
  return s.main && ((p === 'service' && w[2] === 'start') || (p === 'systemctl' && w[1] === 'start') || (/^\/etc\/init\.d\//.test(w[0]) && w[1] === 'start'));
}

function backgrounded(s: Step): boolean {
  const p = progOf(s);
  const w = s.words.map((x) => x.value);
  return daemon(s, p, w) || service(s, p, w) || (s.main && s.cmd.background && !s.waitAfter);
}

function finding(ctx: ProjectContext, f: Facts, s: Step): RawFinding {
  const loc = stepLoc(s);
  const a = anchor(ctx, f, loc, messages.backgroundHere);
  return find(ctx, 'MA209', a.range, messages.background(where(ctx, loc)), { related: a.related });
}

export default defineRule({
  meta: {
    code: 'MA209',
    family: 'dockerfile',
    severity: 'error',
    title: L('The main process is sent to the background', '主进程被放到后台运行'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    return f ? f.start.steps.filter(backgrounded).map((s) => finding(ctx, f, s)) : [];
  },
});
