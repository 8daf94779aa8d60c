// The probe checks (MA405), judged from what the start step's probe saw (engine/probe.ts). Under seed-2021 one
// `health` check: config.json's health url answers 200 {"health": "true"} within its budget. Under current one check
// per configured probe: `startup` and `readiness` before the test requests (readiness gates them), `liveness` after
// them, probed once more. Each passes within the platform's budget, or says when and why the platform gives up.
import { L } from '../../core/i18n';
import { seconds } from '../../core/units';
import type { Localized, Profile } from '../../core/types';
import MA405 from '../../core/rules/image/MA405';
import type { Deployment, Probe, ProbeKind } from '../../core/deployment';
import { probeOnce, type ProbeResult, type Target } from '../probe';
import type { Gate, RunContext, Step, StepResult } from './step';
import type { Where } from '../findings';
import { join, SKIP } from '../reportText';

/** The check a probe's results belong to: seed-2021's single `health`, else the probe's kind. */
export const probeCheckId = (kind: ProbeKind, profile: Profile): string => (profile === 'seed-2021' ? 'health' : kind);

/** What the probe runs, for a title: the url, or the command. */
const shown = (p: Probe) => (p.method === 'EXEC' ? (p.command ?? []).join(' ') : p.url);

const TITLES: Record<ProbeKind, (s: string) => Localized> = {
  startup: (s) => L(`Startup probe ${s}`, `启动探针 ${s}`),
  readiness: (s) => L(`Readiness probe ${s}`, `就绪探针 ${s}`),
  liveness: (s) => L(`Liveness probe ${s}`, `存活探针 ${s}`),
};

/** config.json's key for a probe it set (under seed-2021, `health`). */
const CONFIG_KEY: Record<ProbeKind, string> = { startup: 'startup_health', readiness: 'readiness_health', liveness: 'health' };

/** Where the finding goes: the config.json or deployment file node that set the probe, else the command that should serve it. */
function whereOf(p: Probe, sub?: string): Where {
  if (p.source === 'config') return { config: sub ? [CONFIG_KEY[p.kind], sub] : [CONFIG_KEY[p.kind]] };
  if (p.source === 'deploy') return { deploy: sub ? ['probes', p.kind, sub] : ['probes', p.kind] };
  return { dockerfile: 'CMD' };
}

const resultOf = (ctx: RunContext, kind: ProbeKind): ProbeResult | undefined => {
  const o = ctx.outcome;
  return o && (o.kind === 'healthy' || o.kind === 'bad-health') ? o.probes.find((r) => r.probe.kind === kind) : undefined;
};

/** The budget in seconds, as the platform's figures give it (one decimal when the startup probe shifted it). */
const budgetSOf = (r: ProbeResult): number => Math.round(r.budgetEndMs / 100) / 10;

const timingLine = (ctx: RunContext, r: ProbeResult, afterMs: number, ok: boolean): Localized => {
  const p = r.probe;
  const shifted = r.fromMs > p.initialDelayS * 1000;
  const from = L(shifted ? `, counted from ${seconds(r.fromMs)} s` : '', shifted ? `，从 ${seconds(r.fromMs)} 秒起算` : '');
  return L(
    `${ctx.profile === 'seed-2021' ? 'healthy' : 'succeeded'} after ${seconds(afterMs)} s; ModelArts' timing (delay ${p.initialDelayS} s, `
      + `every ${p.periodS} s, ${p.failureThreshold} failures, timeout ${p.timeoutS} s → ${budgetSOf(r)} s${from.en}) ${ok ? 'would pass' : 'would fail'}`,
    `${seconds(afterMs)} 秒后${ctx.profile === 'seed-2021' ? '健康' : '成功'}；按 ModelArts 的时间设置（延迟 ${p.initialDelayS} 秒，每 ${p.periodS} 秒一次，`
      + `失败 ${p.failureThreshold} 次，超时 ${p.timeoutS} 秒 → ${budgetSOf(r)} 秒${from.zh}）${ok ? '可以通过' : '不能通过'}`);
};

/** A probe that failed: url or command missing, budget over, or the run's start timeout first. */
function failed(ctx: RunContext, r: ProbeResult): StepResult {
  const p = r.probe, prof = ctx.profile, m = MA405.messages;
  const got = r.last?.text ?? L('no answer', '无应答');
  const budgetS = budgetSOf(r);
  const durationMs = ctx.outcome?.afterMs;
  const details = ctx.lastDetails();
  if (r.failed === 'missing') {
    const exec = p.method === 'EXEC';
    ctx.issue('MA405', whereOf(p, exec ? 'command' : 'url'), exec ? m.noCommand(p, prof, got) : m.notServed(p, prof, got));
    return { durationMs, status: 'fail', code: 'MA405', message: exec ? m.noCommandCheck(p, got) : m.notServedCheck(p, got), details };
  }
  if (r.failed === 'budget') {
    ctx.issue('MA405', whereOf(p), m.overBudget(p, prof, budgetS, got, r.fromMs));
    return { durationMs, status: 'fail', code: 'MA405', message: m.overBudgetCheck(p, prof, budgetS, got), details };
  }
  ctx.issue('MA405', whereOf(p, p.method === 'EXEC' ? 'command' : 'url'), m.badAnswer(p, prof, ctx.deadlineMs, got));
  return { durationMs, status: 'fail', code: 'MA405', message: m.badAnswerCheck(p, prof, got), details };
}

/** The probe's result as a check: in time, late, or failed. */
function judge(ctx: RunContext, r: ProbeResult): StepResult {
  if (r.okAfterMs === undefined) return failed(ctx, r);
  const id = probeCheckId(r.probe.kind, ctx.profile);
  ctx.timings[id === 'health' ? 'healthy' : id] = r.okAfterMs;
  const ok = r.okAfterMs <= r.budgetEndMs;
  const message = timingLine(ctx, r, r.okAfterMs, ok);
  if (ok) return { durationMs: r.okAfterMs, status: 'pass', message };
  ctx.issue('MA405', whereOf(r.probe), MA405.messages.late(r.probe, ctx.profile, r.okAfterMs, budgetSOf(r), r.fromMs));
  return { durationMs: r.okAfterMs, status: 'fail', code: 'MA405', message };
}

/** Runs when the probe has a result; else why not (the container did not serve, an earlier probe failed). */
function gateOf(kind: ProbeKind) {
  return (ctx: RunContext): Gate => {
    if (ctx.notStarted) return { skip: SKIP.notStarted };
    if (resultOf(ctx, kind)) return undefined;
    const o = ctx.outcome;
    if (o?.kind === 'bad-health') return { skip: SKIP.probeFailed(o.failed.probe.kind) };
    return { skip: SKIP.notServed };
  };
}

/** seed-2021's single health check, or (current, no probe configured) the note that any answer counts. */
function healthStep(d: Deployment): Step {
  const p = d.probes[0];
  const none = d.profile === 'seed-2021' ? SKIP.noHealth : L(
    `no probe configured (modelarts-deploy.json probes, config.json health): any HTTP answer on port ${d.port} counts as serving`,
    `未配置探针（modelarts-deploy.json 的 probes、config.json 的 health）：${d.port} 端口上的任何 HTTP 应答都算作在提供服务`);
  return {
    id: 'health',
    title: p ? L(`Health ${shown(p)}`, `健康检查 ${shown(p)}`) : L('Health', '健康检查'),
    gate: p ? gateOf(p.kind)
      : (ctx) => ({ skip: ctx.notStarted ? SKIP.notStarted : !ctx.served ? SKIP.notServed : none }),
    run: async (ctx) => judge(ctx, resultOf(ctx, p!.kind)!),
  };
}

/** The startup or readiness probe, before the test requests. */
const probeStep = (p: Probe): Step => ({
  id: p.kind, title: TITLES[p.kind](shown(p)), gate: gateOf(p.kind), run: async (ctx) => judge(ctx, resultOf(ctx, p.kind)!),
});

const targetOf = (ctx: RunContext): Target => ({
  engine: ctx.engine, container: ctx.run!.container, port: ctx.deployment.port, hostPort: ctx.run!.hostPort!, profile: ctx.profile, signal: ctx.signal,
});

/** The liveness probe: in time at the start, and once more after the test requests (the platform keeps probing). */
const livenessStep = (p: Probe): Step => ({
  id: p.kind,
  title: TITLES[p.kind](shown(p)),
  gate: gateOf(p.kind),
  async run(ctx) {
    const first = judge(ctx, resultOf(ctx, p.kind)!);
    if (first.status !== 'pass') return first;
    const a = await probeOnce(targetOf(ctx), p);
    if (a.ok) return { ...first, message: join(first.message, L('; again after the requests: ', '；测试请求之后再次探测：'), a.text) };
    ctx.issue('MA405', whereOf(p), MA405.messages.livenessAfter(p, a.text));
    return { ...first, status: 'fail', code: 'MA405', message: MA405.messages.livenessAfterCheck(p, a.text), details: ctx.lastDetails() };
  },
});

/** The probe checks around the test requests: `before` them (health, startup, readiness) and `after` (liveness). */
export function probeSteps(d: Deployment): { before: Step[]; after: Step[] } {
  if (d.profile === 'seed-2021' || !d.probes.length) return { before: [healthStep(d)], after: [] };
  return { before: d.probes.filter((p) => p.kind !== 'liveness').map(probeStep), after: d.probes.filter((p) => p.kind === 'liveness').map(livenessStep) };
}
