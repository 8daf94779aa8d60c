// MA403: The container exited before it served. Page: docs/rules/MA403.md
// Reported by the conformance run (engine/steps/start.ts) and by Run Container in the editor.
import { L } from '../../i18n';
import { formatSeconds as s } from '../../units';
import { defineRule } from '../rule';

const messages = {
  /** The engine refused to start it (a missing command): for ModelArts an exit before serving. */
  notStarted: (why: string) => L(`The container could not start: ${why}`, `容器无法启动：${why}`),
  notStartedCheck: (why: string) => L(`could not start: ${why}`, `无法启动：${why}`),
  /** `tail`: the last log lines. */
  exited: (code: number, afterMs: number, tail: string[]) => L(
    `The container exited with code ${code} after ${s(afterMs)}, before it served.`
      + (tail.length ? ' Last log lines:\n' + tail.join('\n') : ' It wrote no log output.'),
    `容器在 ${s(afterMs)} 后以退出码 ${code} 退出`),
  exitedCheck: (code: number, afterMs: number) => L(
    `exited with code ${code} after ${s(afterMs)}, before serving`,
    `在 ${s(afterMs)} 后以退出码 ${code} 退出，未提供服务`),
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
