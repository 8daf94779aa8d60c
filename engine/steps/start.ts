// start: run the container with 8080 published on 127.0.0.1 and wait for it the way ModelArts does (config.json
// `health`): it exits first (MA403), nothing answers on 8080 (MA404: as soon as it is seen listening elsewhere),
// or it serves. The probe's outcome is what the health, api and logs steps build on.
import { L } from '../../core/i18n';
import { formatBytes, formatSeconds } from '../../core/units';
import type { Localized } from '../../core/types';
import MA403 from '../../core/rules/image/MA403';
import { createAndStart, tapLogs, StartError, type Running } from '../container';
import { probeHealth, type ProbeOutcome } from '../probe';
import { readListeners } from '../listeners';
import { exitCauseOf, type ExitCause } from '../exitCause';
import type Docker from 'dockerode';
import { noAnswer } from './noAnswer';
import { CancelledError } from '../report';
import { describeRunAs, permissionCause, runAsOf } from './user';
import type { RunContext, Step, StepResult } from './step';

/** The engine refused to start it (a missing command): for ModelArts that is an exit before serving. */
function notStarted(ctx: RunContext, e: StartError): StepResult {
  ctx.notStarted = true;
  ctx.issue('MA403', { dockerfile: 'CMD' }, MA403.messages.notStarted(e.message));
  return { status: 'fail', code: 'MA403', message: MA403.messages.notStartedCheck(e.message).en };
}

async function probe(ctx: RunContext, run: Running): Promise<ProbeOutcome> {
  const o = ctx.options;
  const outcome = await probeHealth(run.container, {
    port: run.hostPort!, health: ctx.health, profile: ctx.profile, startedAt: run.startedAt, deadlineMs: ctx.deadlineMs, pollMs: o.pollMs, signal: ctx.signal,
    listeners: () => readListeners(ctx.engine, run.container),
  });
  if (outcome.kind === 'cancelled') throw new CancelledError();
  ctx.outcome = outcome;
  ctx.served = outcome.kind === 'healthy' || outcome.kind === 'bad-health';
  if (outcome.kind === 'healthy') ctx.timings.serving = outcome.afterMs;
  if (outcome.kind === 'bad-health' && outcome.servedAfterMs !== undefined) ctx.timings.serving = outcome.servedAfterMs;
  return outcome;
}

/**
 * No host port: a container that ended at once has none (the engine drops the binding when it exits). That is
 * MA403 with its exit code; a running container without a port is the engine's fault.
 */
async function exitedAtOnce(ctx: RunContext, run: Running): Promise<{ outcome: ProbeOutcome; info: Docker.ContainerInspectInfo }> {
  const info = await run.container.inspect().catch(() => undefined);
  if (!info || info.State?.Running) throw new Error('the engine published no host port for 8080');
  const outcome: ProbeOutcome = { kind: 'exited', afterMs: Date.now() - run.startedAt, exitCode: info.State?.ExitCode ?? -1 };
  ctx.outcome = outcome;
  ctx.served = false;
  return { outcome, info };
}

/** What the engine knows of the exit beyond its code: OOM killed (with the limit), or the signal 128+N names. */
function causeText(c: ExitCause | undefined, code: number): Localized | undefined {
  if (c?.oomKilled) return MA403.messages.outOfMemory(c.memoryLimit ? formatBytes(c.memoryLimit) : undefined);
  if (c?.signal) return MA403.messages.bySignal(c.signal, code - 128);
  return undefined;
}

const joined = (a?: Localized, b?: Localized): Localized | undefined => (a && b ? { en: a.en + b.en, zh: a.zh + b.zh } : a ?? b);

/** `info`: the ended container's record when the caller already read it. */
async function judge(ctx: RunContext, run: Running, outcome: ProbeOutcome, info?: Docker.ContainerInspectInfo): Promise<StepResult> {
  const durationMs = ctx.timings.serving ?? outcome.afterMs;
  if (outcome.kind === 'exited') {
    await ctx.logs!.drained(1500);
    const tail = ctx.lastLines();
    const record = info ?? await run.container.inspect().catch(() => undefined);
    const why = joined(causeText(record && exitCauseOf(record, outcome.exitCode), outcome.exitCode), permissionCause(ctx, tail));
    ctx.issue('MA403', { dockerfile: 'CMD' }, MA403.messages.exited(outcome.exitCode, outcome.afterMs, tail, why));
    const check = MA403.messages.exitedCheck(outcome.exitCode, outcome.afterMs, why).en;
    return { durationMs, status: 'fail', code: 'MA403', message: check, details: tail };
  }
  if (outcome.kind === 'no-port') return noAnswer(ctx, outcome, durationMs);
  const as = describeRunAs(runAsOf(ctx));
  return { durationMs, status: 'pass', message: `answering on 8080 after ${formatSeconds(ctx.timings.serving ?? 0)} (127.0.0.1:${run.hostPort}) as ${as}` };
}

export const startStep: Step = {
  id: 'start',
  title: L('Serve on port 8080', '在 8080 端口提供服务'),
  async run(ctx) {
    const ts = Date.now();
    let run: Running;
    try {
      const { user, memoryBytes } = ctx.deployment;
      run = await createAndStart(ctx.engine, { image: ctx.tag, env: ctx.options.env, user, memoryBytes, signal: ctx.signal });
    } catch (e) {
      if (e instanceof StartError) return notStarted(ctx, e);
      throw e;
    }
    ctx.run = run;
    ctx.containers.add(run.id);
    ctx.report.runAs = { ...runAsOf(ctx), memoryBytes: ctx.deployment.memoryBytes };
    ctx.timings.start = Date.now() - ts;
    ctx.logs = await tapLogs(ctx.engine, run.container, (l, s) => ctx.cb.onLog?.(l, s));
    if (!run.hostPort) {
      const { outcome, info } = await exitedAtOnce(ctx, run);
      return judge(ctx, run, outcome, info);
    }
    return judge(ctx, run, await probe(ctx, run));
  },
};
