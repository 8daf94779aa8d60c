// MA405: A health check or probe fails. Page: docs/rules/MA405.md
// Reported by the conformance run (engine/steps/health.ts) and by Run Container in the editor. Under seed-2021 the
// probe is config.json's one health check; under current it is the startup, readiness or liveness probe
// (core/deployment.ts), HTTP or EXEC.
import { L } from '../../i18n';
import { formatSeconds, seconds } from '../../units';
import type { Localized, Profile } from '../../types';
import type { Probe, ProbeKind } from '../../deployment';
import { defineRule } from '../rule';

type P = Pick<Probe, 'kind' | 'method' | 'url' | 'command' | 'initialDelayS' | 'periodS' | 'failureThreshold' | 'timeoutS'>;

/** How ModelArts' wait is computed, the same text in both languages (the field names are config.json's). */
const budgetSum = (h: P, budgetS: number) =>
  `initial_delay_seconds ${h.initialDelayS} + period_seconds ${h.periodS} × (failure_threshold ${h.failureThreshold} − 1)`
  + ` + timeout_seconds ${h.timeoutS} = ${budgetS} s`;

/** What the probe runs: "GET /health", or its command. */
const target = (p: P) => (p.method === 'EXEC' ? (p.command ?? []).join(' ') : `GET ${p.url}`);

/** What a success is under the profile. */
const wanted = (p: P, profile: Profile): Localized => {
  if (p.method === 'EXEC') return L('exit code 0', '退出码 0');
  return profile === 'current' ? L('a 2xx/3xx answer', '2xx/3xx 应答') : L('HTTP 200 with {"health": "true"}', 'HTTP 200 且应答为 {"health": "true"}');
};

const KIND: Record<ProbeKind, Localized> = {
  startup: L('startup probe', '启动探针'),
  readiness: L('readiness probe', '就绪探针'),
  liveness: L('liveness probe', '存活探针'),
};

/** seed-2021 has one health check; current names the probe. */
const nameOf = (p: P, profile: Profile): Localized => (profile === 'seed-2021' ? L('The health check', '健康检查') : L(`The ${KIND[p.kind].en}`, KIND[p.kind].zh));

/** What the platform does when the probe fails (spec digest §1.6, S7). */
const FAILS: Record<ProbeKind, Localized> = {
  startup: L('ModelArts restarts the container and the deployment fails', 'ModelArts 会重启容器，部署失败'),
  readiness: L('ModelArts sends the service no requests and the deployment does not become ready', 'ModelArts 不会向服务发送请求，部署无法就绪'),
  liveness: L('ModelArts restarts the container', 'ModelArts 会重启容器'),
};
const failsOf = (p: P, profile: Profile): Localized => (profile === 'seed-2021' ? L('the deployment would fail', '部署会失败') : FAILS[p.kind]);

/** A budget that starts when the startup probe succeeded (after the probe's own delay). */
const fromText = (p: P, fromMs: number): Localized => (fromMs > p.initialDelayS * 1000
  ? L(`, counted from ${formatSeconds(fromMs)}, when the startup probe succeeded`, `，从启动探针成功时（${formatSeconds(fromMs)}）起算`)
  : L('', ''));

const SOONER = L(
  'Make the server ready sooner or raise initial_delay_seconds or failure_threshold.', '请让服务更快就绪，或调大 initial_delay_seconds 或 failure_threshold。');

const messages = {
  /** It succeeded, but after the budget. */
  late: (p: P, profile: Profile, afterMs: number, budgetS: number, fromMs = 0) => {
    const n = nameOf(p, profile), f = failsOf(p, profile), from = fromText(p, fromMs);
    return L(
      `${n.en} ${target(p)} succeeded after ${seconds(afterMs)} s, later than ModelArts waits (${budgetSum(p, budgetS)}${from.en}): ${f.en}. ${SOONER.en}`,
      `${n.zh} ${target(p)} 在 ${seconds(afterMs)} 秒后才成功，超过 ModelArts 等待的时间（${budgetSum(p, budgetS)}${from.zh}）：${f.zh}。${SOONER.zh}`);
  },
  /** No success within the budget; `got`: the last answer ("HTTP 503 …", a connection error, "exit 1: …"). */
  overBudget: (p: P, profile: Profile, budgetS: number, got: Localized, fromMs = 0) => {
    const n = nameOf(p, profile), f = failsOf(p, profile), w = wanted(p, profile), from = fromText(p, fromMs);
    return L(
      `${n.en} ${target(p)} did not give ${w.en} within ModelArts' budget (${budgetSum(p, budgetS)}${from.en}): ${f.en}; last answer: ${got.en}. ${SOONER.en}`,
      `${n.zh} ${target(p)} 未在 ModelArts 的等待时间内（${budgetSum(p, budgetS)}${from.zh}）返回 ${w.zh}：${f.zh}；最后一次：${got.zh}。${SOONER.zh}`);
  },
  overBudgetCheck: (p: P, profile: Profile, budgetS: number, got: Localized) => L(
    `${target(p)}: ${got.en} until ModelArts' budget of ${budgetS} s ran out (expected ${wanted(p, profile).en})`,
    `${target(p)}：直到 ModelArts 的 ${budgetS} 秒等待时间用完仍为 ${got.zh}（应为 ${wanted(p, profile).zh}）`),
  /** The run's start timeout came before the budget. */
  badAnswer: (p: P, profile: Profile, deadlineMs: number, got: Localized) => L(
    `${target(p)} did not give ${wanted(p, profile).en} within ${formatSeconds(deadlineMs)}; last answer: ${got.en}.`,
    `${target(p)} 未在 ${formatSeconds(deadlineMs)} 内返回 ${wanted(p, profile).zh}；最后一次：${got.zh}`),
  badAnswerCheck: (p: P, profile: Profile, got: Localized) => L(
    `${target(p)}: ${got.en} (expected ${wanted(p, profile).en})`,
    `${target(p)}：${got.zh}（应为 ${wanted(p, profile).zh}）`),
  /** An HTTP probe's url answered 404 (current): the platform's own wording. */
  notServed: (p: P, profile: Profile, got: Localized) => {
    const f = failsOf(p, profile);
    return L(
      `The health check url ${p.url} must be served by the image: the ${KIND[p.kind].en} GET ${p.url} got ${got.en}. ${cap(f.en)}.`,
      `健康检查地址 ${p.url} 必须由镜像提供：${KIND[p.kind].zh} GET ${p.url} 得到 ${got.zh}。${f.zh}。`);
  },
  notServedCheck: (p: P, got: Localized) => L(
    `the health check url ${p.url} must be served by the image: ${got.en}`, `健康检查地址 ${p.url} 必须由镜像提供：${got.zh}`),
  /** An EXEC probe's command is not in the image (or not executable): the platform's own wording. */
  noCommand: (p: P, profile: Profile, got: Localized) => {
    const f = failsOf(p, profile), cmd = target(p);
    return L(
      `The health check command ${cmd} of the ${KIND[p.kind].en} must exist in the image and be executable: ${got.en}. ${cap(f.en)}.`,
      `${KIND[p.kind].zh}的健康检查命令 ${cmd} 必须存在于镜像中且可执行：${got.zh}。${f.zh}。`);
  },
  noCommandCheck: (p: P, got: Localized) => L(
    `the health check command ${target(p)} must exist in the image: ${got.en}`, `健康检查命令 ${target(p)} 必须存在于镜像中：${got.zh}`),
  /** The liveness probe, probed once more after the test requests, failed. */
  livenessAfter: (p: P, got: Localized) => L(
    `The liveness probe ${target(p)} failed after the test requests: ${got.en}. `
      + `ModelArts restarts the container after ${p.failureThreshold} failures in a row (failure_threshold).`,
    `测试请求之后存活探针 ${target(p)} 失败：${got.zh}。连续失败 ${p.failureThreshold} 次（failure_threshold）后 ModelArts 会重启容器。`),
  livenessAfterCheck: (p: P, got: Localized) => L(`${target(p)} after the requests: ${got.en}`, `测试请求之后 ${target(p)}：${got.zh}`),
  /** Run Container's notification. */
  failedNotice: (p: P, profile: Profile) => {
    const n = nameOf(p, profile), w = wanted(p, profile);
    return L(`MA405: ${n.en.toLowerCase()} ${target(p)} did not give ${w.en}.`, `MA405：${n.zh} ${target(p)} 没有返回 ${w.zh}。`);
  },
};

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export default defineRule({
  meta: {
    code: 'MA405',
    family: 'image',
    severity: 'error',
    title: L('A health check or probe fails', '健康检查或探针未通过'),
  },
  messages,
});
