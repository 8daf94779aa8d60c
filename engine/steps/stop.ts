// stop: SIGTERM, as ModelArts sends it, but a short wait (ConformanceOptions.stopTimeoutS): still running then, the
// container is killed and MA410 warns (it fails the run only when the rules setting makes MA410 an error). Under
// `current` SIGTERM goes out while a request is in flight (the slowest api that passed), as in a rolling upgrade:
// a server that then exits at once cuts it (MA410 too), one that stops gracefully answers it and exits.
import { L } from '../../core/i18n';
import { formatSeconds } from '../../core/units';
import MA410 from '../../core/rules/image/MA410';
import { stopContainer } from '../container';
import { testApi, type ApiResult, type ApiSpec } from '../infer';
import { DEFAULT_STOP_TIMEOUT_S, MODELARTS_STOP_GRACE_S } from '../report';
import { inferOptions } from './api';
import type { RunContext, Step, StepResult } from './step';
import type { Localized } from '../../core/types';
import { SKIP } from '../reportText';

/** MA410's texts for a wait of `limitS` after SIGTERM: the check's line (`short`) and the finding (en, zh). */
export function ma410Message(limitS: number): { en: string; zh: string; short: Localized } {
  const { en, zh } = MA410.messages.stopLate(limitS, MODELARTS_STOP_GRACE_S);
  return { short: MA410.messages.stopLateCheck(limitS, MODELARTS_STOP_GRACE_S), en, zh };
}

/** The api to keep in flight: the slowest whose check passed (the likeliest still busy when SIGTERM arrives). */
function slowestApi(ctx: RunContext): ApiSpec | undefined {
  const passed = ctx.apis.filter((a) => ctx.report.checks.some((c) => c.id === `api ${a.method} ${a.url}` && c.status === 'pass'));
  return passed.sort((a, b) => (ctx.timings[`api ${b.method} ${b.url}`] ?? 0) - (ctx.timings[`api ${a.method} ${a.url}`] ?? 0))[0];
}

async function plainStop(ctx: RunContext, limit: number): Promise<StepResult> {
  const s = await stopContainer(ctx.run!.container, limit);
  ctx.timings.stop = s.ms;
  if (!s.killed) {
    const after = formatSeconds(s.ms);
    return { status: 'pass', message: L(`exited ${after} after SIGTERM (code ${s.exitCode})`, `收到 SIGTERM 后 ${after} 退出（退出码 ${s.exitCode}）`) };
  }
  const m = ma410Message(limit);
  ctx.issue('MA410', { dockerfile: 'CMD' }, { en: m.en, zh: m.zh });
  return { status: ctx.verdictOf('MA410'), code: 'MA410', message: m.short };
}

/**
 * Sends the api's request and SIGTERM once it is written (plus half the api's measured time, at most 1 s, so that a
 * slow api is busy with it); then waits for both. Figures are from the moment SIGTERM went out.
 */
async function stopWithRequest(ctx: RunContext, api: ApiSpec, limit: number) {
  const measured = ctx.timings[`api ${api.method} ${api.url}`] ?? 0;
  let term!: () => void;
  const termDue = new Promise<void>((res) => (term = res));
  const request = testApi(api, { ...inferOptions(ctx), requestTimeoutMs: (limit + 10) * 1000, onSent: () => setTimeout(term, Math.min(measured / 2, 1000)) })
    .then((r) => (term(), { r, at: Date.now() }));
  await termDue;
  const sigtermAt = Date.now();
  const s = await stopContainer(ctx.run!.container, limit);
  const { r, at } = await request;
  return { s, r, afterMs: at - sigtermAt };
}

async function inFlightStop(ctx: RunContext, api: ApiSpec, limit: number): Promise<StepResult> {
  const { s, r, afterMs } = await stopWithRequest(ctx, api, limit);
  ctx.timings.stop = s.ms;
  const request = `${api.method} ${api.url}`;
  const m = MA410.messages;
  const answered = (x: ApiResult) => x.status !== undefined;
  const details = [L(`request in flight at SIGTERM: ${request} (${r.requestSource})`, `发送 SIGTERM 时进行中的请求：${request}（${r.requestSource}）`)];
  if (s.killed) {
    const late = MA410.messages.stopLate(limit, MODELARTS_STOP_GRACE_S);
    const also = m.inFlightAtKill(request, answered(r) ? Math.max(afterMs, 0) : undefined);
    ctx.issue('MA410', { dockerfile: 'CMD' }, { en: late.en + also.en, zh: late.zh + also.zh });
    return { status: ctx.verdictOf('MA410'), code: 'MA410', message: ma410Message(limit).short, details };
  }
  if (answered(r) && afterMs < 0) return { status: 'pass', message: m.answeredBefore(request, r.ms, s.ms, s.exitCode), details };
  if (answered(r)) return { status: 'pass', message: m.answeredInFlight(request, r.status!, afterMs, s.ms, s.exitCode, limit), details };
  ctx.issue('MA410', { dockerfile: 'CMD' }, m.cut(request, Math.max(afterMs, 0), s.ms, limit));
  return { status: ctx.verdictOf('MA410'), code: 'MA410', message: m.cutCheck(request, Math.max(afterMs, 0), s.ms), details };
}

export const stopStep: Step = {
  id: 'stop',
  title: L('Stop on SIGTERM', '收到 SIGTERM 后停止'),
  async gate(ctx) {
    if (ctx.notStarted) return { skip: SKIP.notStarted };
    const state = await ctx.run!.container.inspect().catch(() => undefined);
    if (ctx.options.keep) return { skip: SKIP.kept };
    return state?.State?.Running ? undefined : { skip: SKIP.exited };
  },
  async run(ctx) {
    const limit = ctx.options.stopTimeoutS ?? DEFAULT_STOP_TIMEOUT_S;
    const api = ctx.profile === 'current' && ctx.served ? slowestApi(ctx) : undefined;
    return api ? inFlightStop(ctx, api, limit) : plainStop(ctx, limit);
  },
};
