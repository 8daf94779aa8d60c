// health: config.json's health url answers as the profile requires, and soon enough for ModelArts' own timing (MA405).
import { L } from '../../core/i18n';
import { seconds } from '../../core/units';
import MA405 from '../../core/rules/image/MA405';
import type { HttpAnswer, HttpFailure } from '../http';
import { modelArtsBudgetS, type HealthSpec } from '../probe';
import type { Step, StepResult, RunContext } from './step';

const timingLine = (h: HealthSpec, afterMs: number, budgetS: number, ok: boolean) =>
  `healthy after ${seconds(afterMs)} s; ModelArts' timing (delay ${h.initialDelayS} s, every ${h.periodS} s, `
  + `${h.failureThreshold} failures, timeout ${h.timeoutS} s → ${budgetS} s) ${ok ? 'would pass' : 'would fail'}`;

/** The last answer the probe got, for the message. */
const gotOf = (last: HttpAnswer | HttpFailure | undefined) =>
  !last ? 'no answer' : 'status' in last ? `HTTP ${last.status} ${last.body.toString('utf8').slice(0, 200)}` : last.message;

function healthy(ctx: RunContext, afterMs: number, probeMs: number): StepResult {
  const h = ctx.health;
  const budgetS = modelArtsBudgetS(h);
  ctx.timings.healthy = afterMs;
  const ok = afterMs / 1000 <= budgetS;
  const message = timingLine(h, afterMs, budgetS, ok);
  if (ok) return { durationMs: probeMs, status: 'pass', message };
  ctx.issue('MA405', { config: ['health'] }, MA405.messages.late(h.url, afterMs, h, budgetS));
  return { durationMs: probeMs, status: 'fail', code: 'MA405', message };
}

export const healthStep = (h: HealthSpec): Step => ({
  id: 'health',
  title: L(`Health ${h.url}`, `健康检查 ${h.url}`),
  gate(ctx) {
    if (ctx.notStarted) return { skip: 'the container did not start' };
    if (!ctx.served) return { skip: 'the container did not serve' };
    return h.configured ? undefined : { skip: 'config.json has no health' };
  },
  async run(ctx) {
    const o = ctx.outcome!;
    if (o.kind === 'healthy') return healthy(ctx, o.afterMs, o.afterMs);
    const got = gotOf(o.kind === 'bad-health' ? o.last : undefined);
    ctx.issue('MA405', { config: ['health', 'url'] }, MA405.messages.badAnswer(h.url, ctx.profile, ctx.deadlineMs, got));
    const message = MA405.messages.badAnswerCheck(h.url, ctx.profile, got).en;
    return { durationMs: o.afterMs, status: 'fail', code: 'MA405', message, details: ctx.lastLines() };
  },
});
