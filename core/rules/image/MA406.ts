// MA406: An api answers an error or is too slow. Page: docs/rules/MA406.md
// Reported by the conformance run (engine/infer.ts, engine/steps/api.ts).
import { L, untranslated as en } from '../../i18n';
import { seconds } from '../../units';
import { defineRule } from '../rule';

// Not translated yet (en): the Chinese message is the rule's title followed by this English detail, as so far.
const messages = {
  noAnswer: (method: string, url: string, limitMs: number) =>
    en(`${method} ${url}: no answer within ${limitMs / 1000} s (ModelArts.4503 on the platform)`),
  /** `why`: the connection error ("connection reset before an answer"). */
  failed: (method: string, url: string, why: string) => en(`${method} ${url}: ${why}`),
  status: (method: string, url: string, status: number) => en(`${method} ${url} answered HTTP ${status}`
    // 404/405: the server has no such route (or not for this method): the url in config.json and the code disagree.
    + (status === 404 || status === 405 ? `: the server has no route for ${method} ${url}; make apis[].url and apis[].method match the code` : '')),
  slow: (method: string, url: string, ms: number, limitMs: number) => en(`${method} ${url} took ${seconds(ms)} s > ${limitMs / 1000} s`),
  /** Added when the container ended during the request: its stop, not a slow api. */
  stoppedDuring: (exitCode: number) => en(` (the container stopped during the request: exit code ${exitCode})`),
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
