// MA404: Nothing answers on the service port. Page: docs/rules/MA404.md
// Reported by the conformance run (engine/steps/start.ts) and by Run Container in the editor. `port` is the
// deployment's service port (core/deployment.ts: 8080 under seed-2021, the console's port under current).
import { L } from '../../i18n';
import { formatSeconds as s } from '../../units';
import { defineRule } from '../rule';

type Cause = 'loopback' | 'other-port';

const messages = {
  /** `last`: what the last attempt got (refused, reset), or undefined; `waitedMs`: the budget or the start timeout. */
  noAnswer: (port: number, waitedMs: number, last: string | undefined) => L(
    `Nothing answered on port ${port} within ${s(waitedMs)} (${last ?? 'no connection'}). The server must listen on 0.0.0.0:${port}.`,
    `${s(waitedMs)} 内 ${port} 端口无响应，服务须监听 0.0.0.0:${port}`),
  noAnswerCheck: (port: number, waitedMs: number) => L(`nothing answered on ${port} within ${s(waitedMs)}`, `${s(waitedMs)} 内 ${port} 端口无响应`),
  /** What the container listens on instead (its /proc/net/tcp): `addrs` "0.0.0.0:5001", seen `afterMs` after the start. */
  otherPort: (port: number, addrs: string, afterMs: number) => L(
    `Nothing answers on port ${port}: the server listens on ${addrs}, not ${port} (seen ${s(afterMs)} after the start). `
      + `ModelArts sends requests to port ${port}. Listen on 0.0.0.0:${port}.`,
    `服务监听在 ${addrs}，而不是 ${port}（启动后 ${s(afterMs)}）。ModelArts 把请求发往 ${port} 端口。请监听 0.0.0.0:${port}。`),
  otherPortCheck: (port: number, addrs: string) => L(`listens on ${addrs}, not ${port}`, `监听在 ${addrs}，而不是 ${port}`),
  loopbackOnly: (port: number, addrs: string, afterMs: number) => L(
    `Nothing answers on port ${port}: the server listens on ${addrs} only — unreachable from outside the container `
      + `(seen ${s(afterMs)} after the start). Bind to 0.0.0.0:${port}.`,
    `服务只监听在 ${addrs}，容器外无法访问（启动后 ${s(afterMs)}）。请绑定 0.0.0.0:${port}。`),
  loopbackOnlyCheck: (addrs: string) => L(
    `listens on ${addrs} only — unreachable from outside the container`, `只监听在 ${addrs}，容器外无法访问`),
  /** The cause the container's sockets show, as a finding (`seen`), a check line (`seenCheck`) and a notice. */
  seen: (port: number, kind: Cause, addrs: string, afterMs: number) =>
    (kind === 'loopback' ? messages.loopbackOnly(port, addrs, afterMs) : messages.otherPort(port, addrs, afterMs)),
  seenCheck: (port: number, kind: Cause, addrs: string) =>
    (kind === 'loopback' ? messages.loopbackOnlyCheck(addrs) : messages.otherPortCheck(port, addrs)),
  seenNotice: (port: number, kind: Cause, addrs: string, afterMs: number) => {
    const t = messages.seen(port, kind, addrs, afterMs);
    return L(`MA404: ${t.en}`, `MA404：${t.zh}`);
  },
  /** The static findings that name the cause; `where` "MA203 (server.py:12)", comma-separated. */
  staticCause: (where: string) => L(` The static check already found the cause: ${where}.`, `静态检查已发现原因：${where}。`),
  staticCauseCheck: (where: string) => L(`; the static check already found it: ${where}`, `；静态检查已发现：${where}`),
  staticHere: (code: string) => L(`${code} found the cause here`, `${code} 在此处发现了原因`),
  /** Run Container's notification; `secs` already formatted ("12.0"). */
  noAnswerNotice: (port: number, secs: string) => L(
    `MA404: nothing answers on port ${port} after ${secs} s. Does the server listen on 0.0.0.0:${port}?`,
    `MA404：${secs} 秒后 ${port} 端口仍无响应。服务是否监听 0.0.0.0:${port}？`),
};

export default defineRule({
  meta: {
    code: 'MA404',
    family: 'image',
    severity: 'error',
    title: L('Nothing answers on the service port', '服务端口无响应'),
  },
  messages,
});
