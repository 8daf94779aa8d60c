// MA410: The container does not stop in time after SIGTERM. Page: docs/rules/MA410.md
// Reported by the conformance run (engine/steps/stop.ts). ModelArts does not fail such a deployment: it kills the
// container after its own grace period (spec digest: SIGTERM row), which cuts the requests still in flight.
import { L } from '../../i18n';
import { defineRule } from '../rule';

/** `limitS`: how long the run waited after SIGTERM; `graceS`: how long ModelArts waits. */
const messages = {
  stopLateCheck: (limitS: number, graceS: number) => L(
    `did not stop within ${limitS} s of SIGTERM; in-flight requests would be cut when ModelArts stops it after ${graceS} s`,
    `收到 SIGTERM 后 ${limitS} 秒内未退出；ModelArts 会在 ${graceS} 秒后强制停止它，届时正在处理的请求会被中断`),
  stopLate: (limitS: number, graceS: number) => {
    const wait = limitS < graceS;
    return L(
      `The container ${messages.stopLateCheck(limitS, graceS).en}. It was killed and removed. `
        + 'Handle SIGTERM in PID 1 (exec-form CMD, or exec in run.sh): finish the requests in flight, then exit.'
        + (wait ? ` A server that waits for its requests on purpose: run with --stop-timeout ${graceS} to see it stop in time.` : ''),
      `${messages.stopLateCheck(limitS, graceS).zh}。容器已被终止并删除。请让 PID 1 处理 SIGTERM（exec 形式的 CMD，或在 run.sh 中使用 exec）：`
        + `处理完进行中的请求后退出。${wait ? `若服务有意等待请求完成，请用 --stop-timeout ${graceS} 检查它能否按时退出。` : ''}`);
  },
};

export default defineRule({
  meta: {
    code: 'MA410',
    family: 'image',
    severity: 'warning',
    title: L('The container does not stop in time after SIGTERM', '容器收到 SIGTERM 后未及时退出'),
  },
  messages,
});
