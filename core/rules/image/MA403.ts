// MA403: The container exited before it served. Page: docs/rules/MA403.md
// Reported by the conformance run (engine/steps/start.ts) and by Run Container in the editor.
import { L } from '../../i18n';
import type { Localized } from '../../types';
import { formatSeconds as s } from '../../units';
import { defineRule } from '../rule';

const messages = {
  /** The engine refused to start it (a missing command): for ModelArts an exit before serving. */
  notStarted: (why: string) => L(`The container could not start: ${why}`, `容器无法启动：${why}`),
  notStartedCheck: (why: string) => L(`could not start: ${why}`, `无法启动：${why}`),
  /** `tail`: the last log lines; `cause`: what the engine knows of the end (bySignal, outOfMemory), before the tail. */
  exited: (code: number, afterMs: number, tail: string[], cause?: Localized) => L(
    `The container exited with code ${code} after ${s(afterMs)}, before it served.` + (cause?.en ?? '')
      + (tail.length ? ' Last log lines:\n' + tail.join('\n') : ' It wrote no log output.'),
    `容器在 ${s(afterMs)} 后以退出码 ${code} 退出` + (cause ? `。${cause.zh}` : '')),
  exitedCheck: (code: number, afterMs: number, cause?: Localized) => L(
    `exited with code ${code} after ${s(afterMs)}, before serving` + (cause ? `;${cause.en}` : ''),
    `在 ${s(afterMs)} 后以退出码 ${code} 退出，未提供服务` + (cause ? `；${cause.zh}` : '')),
  /** Added to `exited` when the exit code stands for a signal: `signal` "SIGKILL", `n` 9. */
  bySignal: (signal: string, n: number) => L(
    ` Exit code 128 + ${n}: the main process was ended by ${signal}.`,
    `退出码 128 + ${n}：主进程被 ${signal} 终止。`),
  /** Added to `exited` when the kernel's OOM killer ended it; `limit` "512 MB", or undefined when none was set. */
  outOfMemory: (limit: string | undefined) => L(
    ' Killed: out of memory' + (limit ? ` (limit ${limit}): the kernel's OOM killer ended it.` : ' (no memory limit was set, so the host ran out).'),
    '因内存不足被内核终止（OOM killed）' + (limit ? `，内存限制为 ${limit}。` : '；未设置内存限制，主机内存已耗尽。')),
  /**
   * Added when the logs show a permission error and the container ran as a non-root user (also to MA406's 5xx):
   * `who` "1000:100 (ma-user, as ModelArts runs it)", `user` "1000:100".
   */
  permission: (who: Localized, user: string) => L(
    ` Likely cause: it runs as ${who.en}: a file only root can read or write — copy with \`COPY --chown=${user}\` or chmod.`,
    `可能的原因：容器的运行用户是 ${who.zh}，某个文件只有 root 能读写——请用 \`COPY --chown=${user}\` 复制或用 chmod 修改权限。`),
  /** Run Container's notification. */
  exitedNotice: (code: number) => L(
    `MA403: the container exited (code ${code}) before it served. Last log lines are in the log.`,
    `MA403：容器在提供服务前退出（退出码 ${code}）。最后的日志见日志输出。`),
};

export default defineRule({
  meta: {
    code: 'MA403',
    family: 'image',
    severity: 'error',
    title: L('The container exited before it served', '容器在提供服务前退出'),
  },
  messages,
});
