// MA405: /health does not answer as required. Page: docs/rules/MA405.md
// Reported by the conformance run (engine/steps/health.ts) and by Run Container in the editor.
import { L } from '../../i18n';
import { formatSeconds, seconds } from '../../units';
import type { Profile } from '../../types';
import { defineRule } from '../rule';

/** config.json's health timings, as the probe read them. */
interface Timing { initialDelayS: number; periodS: number; failureThreshold: number; timeoutS: number }

/** How ModelArts' wait is computed, the same text in both languages (the field names are config.json's). */
const budgetSum = (h: Timing, budgetS: number) =>
  `initial_delay_seconds ${h.initialDelayS} + period_seconds ${h.periodS} × (failure_threshold ${h.failureThreshold} − 1)`
  + ` + timeout_seconds ${h.timeoutS} = ${budgetS} s`;

/** What a healthy answer is under the profile (English in both languages: it quotes the protocol). */
const wanted = (profile: Profile) => (profile === 'current' ? 'a 2xx/3xx answer' : 'HTTP 200 with {"health": "true"}');

const messages = {
  late: (url: string, afterMs: number, h: Timing, budgetS: number) => L(
    `${url} became healthy after ${seconds(afterMs)} s, later than ModelArts waits (${budgetSum(h, budgetS)}): the deployment would fail. `
      + 'Make the server answer sooner or raise initial_delay_seconds or failure_threshold.',
    `${url} 在 ${seconds(afterMs)} 秒后才健康，超过 ModelArts 等待的时间（${budgetSum(h, budgetS)}），部署会失败。`
      + '请让服务更快就绪，或调大 initial_delay_seconds 或 failure_threshold'),
  /** `got`: the last answer ("HTTP 500 …", "no answer", a connection error). */
  badAnswer: (url: string, profile: Profile, deadlineMs: number, got: string) => L(
    `GET ${url} did not give ${wanted(profile)} within ${formatSeconds(deadlineMs)}; last answer: ${got}.`,
    `GET ${url} 未在 ${formatSeconds(deadlineMs)} 内返回 ${wanted(profile)}；最后一次：${got}`),
  badAnswerCheck: (url: string, profile: Profile, got: string) => L(
    `GET ${url}: ${got} (expected ${wanted(profile)})`,
    `GET ${url}：${got}（应为 ${wanted(profile)}）`),
  /** Run Container's notification. */
  badAnswerNotice: (url: string) => L(
    `MA405: ${url} did not answer 200 with {"health": "true"}.`,
    `MA405：${url} 没有返回 200 和 {"health": "true"}。`),
};

export default defineRule({
  meta: {
    code: 'MA405',
    family: 'image',
    severity: 'error',
    title: L('/health does not answer as required', '/health 未按要求响应'),
  },
  messages,
});
