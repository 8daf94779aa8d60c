// MA404: Nothing answers on port 8080. Page: docs/rules/MA404.md
// Reported by the conformance run (engine/steps/start.ts) and by Run Container in the editor.
import { L } from '../../i18n';
import { formatSeconds as s } from '../../units';
import { defineRule } from '../rule';

const messages = {
  /** `last`: what the last attempt got (refused, reset), or undefined. */
  noAnswer: (deadlineMs: number, last: string | undefined) => L(
    `Nothing answered on port 8080 within ${s(deadlineMs)} (${last ?? 'no connection'}). The server must listen on 0.0.0.0:8080.`,
    `${s(deadlineMs)} 内 8080 端口无响应，服务须监听 0.0.0.0:8080`),
  noAnswerCheck: (deadlineMs: number) => L(`nothing answered on 8080 within ${s(deadlineMs)}`, `${s(deadlineMs)} 内 8080 端口无响应`),
  /** What the container listens on instead (its /proc/net/tcp): `addrs` "0.0.0.0:5001", seen `afterMs` after the start. */
  otherPort: (addrs: string, afterMs: number) => L(
    `Nothing answers on port 8080: the server listens on ${addrs}, not 8080 (seen ${s(afterMs)} after the start). `
      + 'ModelArts sends requests to port 8080. Listen on 0.0.0.0:8080.',
    `服务监听在 ${addrs}，而不是 8080（启动后 ${s(afterMs)}）。ModelArts 把请求发往 8080 端口。请监听 0.0.0.0:8080。`),
  otherPortCheck: (addrs: string) => L(`listens on ${addrs}, not 8080`, `监听在 ${addrs}，而不是 8080`),
  loopbackOnly: (addrs: string, afterMs: number) => L(
    `Nothing answers on port 8080: the server listens on ${addrs} only — unreachable from outside the container `
      + `(seen ${s(afterMs)} after the start). Bind to 0.0.0.0:8080.`,
    `服务只监听在 ${addrs}，容器外无法访问（启动后 ${s(afterMs)}）。请绑定 0.0.0.0:8080。`),
  loopbackOnlyCheck: (addrs: string) => L(
    `listens on ${addrs} only — unreachable from outside the container`, `只监听在 ${addrs}，容器外无法访问`),
  /** The cause the container's sockets show, as a finding (`seen`), a check line (`seenCheck`) and a notice. */
  seen: (kind: 'loopback' | 'other-port', addrs: string, afterMs: number) =>
    (kind === 'loopback' ? messages.loopbackOnly(addrs, afterMs) : messages.otherPort(addrs, afterMs)),
  seenCheck: (kind: 'loopback' | 'other-port', addrs: string) =>
    (kind === 'loopback' ? messages.loopbackOnlyCheck(addrs) : messages.otherPortCheck(addrs)),
  seenNotice: (kind: 'loopback' | 'other-port', addrs: string, afterMs: number) => {
    const t = messages.seen(kind, addrs, afterMs);
    return L(`MA404: ${t.en}`, `MA404：${t.zh}`);
  },
  /** The static findings that name the cause; `where` "MA203 (server.py:12)", comma-separated. */
  staticCause: (where: string) => L(` The static check already found the cause: ${where}.`, `静态检查已发现原因：${where}。`),
  staticCauseCheck: (where: string) => L(`; the static check already found it: ${where}`, `；静态检查已发现：${where}`),
  staticHere: (code: string) => L(`${code} found the cause here`, `${code} 在此处发现了原因`),
  /** Run Container's notification; `secs` already formatted ("12.0"). */
  noAnswerNotice: (secs: string) => L(
    `MA404: nothing answers on port 8080 after ${secs} s. Does the server listen on 0.0.0.0:8080?`,
    `MA404：${secs} 秒后 8080 端口仍无响应。服务是否监听 0.0.0.0:8080？`),
};

export default defineRule({
  meta: {
    code: 'MA404',
    family: 'image',
    severity: 'error',
    title: L('Nothing answers on port 8080', '8080 端口无响应'),
  },
  messages,
});
