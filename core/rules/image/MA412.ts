// MA412: The server closes idle kept-alive connections before the gateway does. Page: docs/rules/MA412.md
// Reported by the conformance run under `current` (engine/keepAlive.ts, engine/steps/keepAlive.ts). The API gateway
// reuses a connection to the container for up to 200 s (spec digest §2.5 Keep-alive); a server that closes it
// sooner without `Connection: close` makes requests on it fail now and then.
import { L } from '../../i18n';
import { seconds } from '../../units';
import { defineRule } from '../rule';

const FIX = L(
  ' Keep idle connections open for 200 s: gunicorn `--keep-alive 200` (with a gevent or gthread worker), uvicorn `--timeout-keep-alive 200`.',
  '请让空闲连接保持 200 秒：gunicorn 使用 `--keep-alive 200`（配合 gevent 或 gthread worker），uvicorn 使用 `--timeout-keep-alive 200`。');

const AFTER = L(
  'the API gateway reuses a connection for up to 200 s, so a request sent on it now and then fails with ModelArts.4503 '
    + '"backend service not found or failed to respond".',
  'API 网关会复用连接长达 200 秒，因此发到该连接上的请求会不时以 ModelArts.4503 "backend service not found or failed to respond" 失败。');

const messages = {
  closedIdle: (closedAfterMs: number) => L(
    `The server closed an idle kept-alive connection ${seconds(closedAfterMs)} s after its answer without \`Connection: close\`; ${AFTER.en}${FIX.en}`,
    `服务在应答 ${seconds(closedAfterMs)} 秒后关闭了空闲的长连接，且未发送 \`Connection: close\`；${AFTER.zh}${FIX.zh}`),
  closedIdleCheck: (closedAfterMs: number) => L(
    `closed an idle kept-alive connection ${seconds(closedAfterMs)} s after its answer; the gateway reuses connections for 200 s`,
    `应答 ${seconds(closedAfterMs)} 秒后关闭了空闲长连接；网关会复用连接 200 秒`),
  reset: (idleMs: number, why: string) => L(
    `A second request on a kept-alive connection idle for ${seconds(idleMs)} s failed (${why}); ${AFTER.en}${FIX.en}`,
    `在空闲 ${seconds(idleMs)} 秒的长连接上发送的第二个请求失败（${why}）；${AFTER.zh}${FIX.zh}`),
  resetCheck: (idleMs: number, why: string) => L(
    `a second request on the connection after ${seconds(idleMs)} s idle failed: ${why}`,
    `连接空闲 ${seconds(idleMs)} 秒后的第二个请求失败：${why}`),
  /** Info: the server says it closes (`header`: "Connection: close"); the gateway then opens a connection per request. */
  closes: (header: string) => L(
    `The server answers with ${header}: the API gateway opens a new connection for every request (slower, not an error).${FIX.en}`,
    `服务以 ${header} 应答：API 网关会为每个请求新建连接（更慢，但不是错误）。${FIX.zh}`),
  closesCheck: (header: string) => L(`answers with ${header}: a new connection per request`, `以 ${header} 应答：每个请求新建连接`),
  reused: (idleMs: number, status: number) => L(
    `a second request on the same connection after ${seconds(idleMs)} s idle: HTTP ${status}`,
    `同一连接空闲 ${seconds(idleMs)} 秒后的第二个请求：HTTP ${status}`),
};

export default defineRule({
  meta: {
    code: 'MA412',
    family: 'image',
    severity: 'warning',
    title: L('The server closes idle kept-alive connections before the gateway does', '服务在网关之前关闭空闲的长连接'),
  },
  messages,
});
