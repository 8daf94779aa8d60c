// MA406: An api answers an error or is too slow. Page: docs/rules/MA406.md
// Reported by the conformance run (engine/infer.ts, engine/steps/api.ts).
import { L } from '../../i18n';
import { seconds } from '../../units';
import type { Localized } from '../../types';
import { defineRule } from '../rule';

const route = (method: string, url: string, status: number) => (status === 404 || status === 405
  // 404/405: the server has no such route (or not for this method): the url in config.json and the code disagree.
  ? L(`: the server has no route for ${method} ${url}; make apis[].url and apis[].method match the code`,
    `：服务没有 ${method} ${url} 的路由；请让 apis[].url 和 apis[].method 与代码一致`)
  : L('', ''));

const messages = {
  /** `limitMs`: the gateway's 40 s; `timeoutMs`: when the run gave up (60 s, the synchronous limit). */
  noAnswer: (method: string, url: string, timeoutMs: number, limitMs: number) => L(
    `${method} ${url}: no answer within ${timeoutMs / 1000} s`
      + (timeoutMs > limitMs ? ' (the synchronous limit)' : '') + `; the API gateway ends a request at ${limitMs / 1000} s: ModelArts.4503`,
    `${method} ${url}：${timeoutMs / 1000} 秒内没有响应` + (timeoutMs > limitMs ? '（同步调用的上限）' : '')
      + `；API 网关在 ${limitMs / 1000} 秒时结束请求：ModelArts.4503`),
  /** `why`: the connection error ("connection reset before an answer"), in both languages. */
  failed: (method: string, url: string, why: Localized) => L(`${method} ${url}: ${why.en}`, `${method} ${url}：${why.zh}`),
  status: (method: string, url: string, status: number) => {
    const r = route(method, url, status);
    return L(`${method} ${url} answered HTTP ${status}${r.en}`, `${method} ${url} 返回 HTTP ${status}${r.zh}`);
  },
  slow: (method: string, url: string, ms: number, limitMs: number) => L(
    `${method} ${url} answered in ${seconds(ms)} s; the API gateway ends a request at ${limitMs / 1000} s: ModelArts.4503`,
    `${method} ${url} 在 ${seconds(ms)} 秒后才响应；API 网关在 ${limitMs / 1000} 秒时结束请求：ModelArts.4503`),
  /** Added when the container ended during the request: its stop, not a slow api. */
  stoppedDuring: (exitCode: number) =>
    L(` (the container stopped during the request: exit code ${exitCode})`, `（请求期间容器已停止：退出码 ${exitCode}）`),
};

export default defineRule({
  meta: {
    code: 'MA406',
    family: 'image',
    severity: 'error',
    title: L('An api answers an error or is too slow', 'api 返回错误或响应超时'),
  },
  messages,
});
