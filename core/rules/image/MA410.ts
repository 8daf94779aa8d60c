// MA410: The container does not stop in time after SIGTERM. Page: docs/rules/MA410.md
// Reported by the conformance run (engine/steps/stop.ts). ModelArts does not fail such a deployment: it kills the
// container after its own grace period (spec digest: SIGTERM row), which cuts the requests still in flight.
import { L } from '../../i18n';
import { seconds as s } from '../../units';
import { defineRule } from '../rule';

/** ModelArts' window after SIGTERM: 60 s recommended, 90 s at most (spec digest §2.5 Graceful shutdown). */
const WINDOW = L('ModelArts waits 60 s after SIGTERM (recommended), 90 s at most', 'ModelArts 在 SIGTERM 后建议等待 60 秒，最多 90 秒');
/** `limitS`: this run's wait before the kill (--stop-timeout). */
const waited = (limitS: number) => L(`the wait here is ${limitS} s (--stop-timeout)`, `本次测试只等待 ${limitS} 秒（--stop-timeout）`);

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
  /** The graceful-stop check (current): SIGTERM while `request` ("POST /predict") was in flight, answered `afterMs` after it. */
  answeredInFlight: (request: string, status: number, afterMs: number, exitMs: number, code: number | undefined, limitS: number) => L(
    `the request in flight (${request}) was answered ${s(afterMs)} s after SIGTERM (HTTP ${status}); exited ${s(exitMs)} s after SIGTERM `
      + `(code ${code}); ${WINDOW.en}; ${waited(limitS).en}`,
    `进行中的请求（${request}）在 SIGTERM 后 ${s(afterMs)} 秒得到应答（HTTP ${status}）；容器在 SIGTERM 后 ${s(exitMs)} 秒退出`
      + `（退出码 ${code}）；${WINDOW.zh}；${waited(limitS).zh}`),
  /** The api answered before SIGTERM went out: nothing was in flight (a fast api). */
  answeredBefore: (request: string, ms: number, exitMs: number, code: number | undefined) => L(
    `${request} answered in ${s(ms)} s, before SIGTERM: no request was in flight; exited ${s(exitMs)} s after SIGTERM (code ${code})`,
    `${request} 在 ${s(ms)} 秒内应答，早于 SIGTERM：没有进行中的请求；容器在 SIGTERM 后 ${s(exitMs)} 秒退出（退出码 ${code}）`),
  cutCheck: (request: string, afterMs: number, exitMs: number) => L(
    `SIGTERM cut the request in flight: ${request} ended without an answer ${s(afterMs)} s after SIGTERM; the container exited ${s(exitMs)} s after SIGTERM`,
    `SIGTERM 切断了进行中的请求：${request} 在 SIGTERM 后 ${s(afterMs)} 秒结束且没有应答；容器在 SIGTERM 后 ${s(exitMs)} 秒退出`),
  cut: (request: string, afterMs: number, exitMs: number, limitS: number) => L(
    `${messages.cutCheck(request, afterMs, exitMs).en}. `
      + `${WINDOW.en}; ${waited(limitS).en}. On SIGTERM stop accepting new requests, finish the ones in flight, then exit `
      + '(gunicorn and uvicorn do; a hand-written handler must not exit at once).',
    `${messages.cutCheck(request, afterMs, exitMs).zh}。${WINDOW.zh}；${waited(limitS).zh}。收到 SIGTERM 后应停止接收新请求，`
      + '处理完进行中的请求再退出（gunicorn 和 uvicorn 会这样做；自己写的处理函数不要立即退出）。'),
  /** Added to stopLate when a request was in flight at SIGTERM. */
  inFlightAtKill: (request: string, afterMs: number | undefined) => L(
    ` The request in flight (${request}) ` + (afterMs === undefined ? 'was cut by the kill.' : `was answered ${s(afterMs)} s after SIGTERM.`),
    afterMs === undefined ? `进行中的请求（${request}）被强制终止切断。` : `进行中的请求（${request}）在 SIGTERM 后 ${s(afterMs)} 秒得到应答。`),
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
