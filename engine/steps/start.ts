// start: run the container with the deployment's port published on 127.0.0.1 and probe it the way ModelArts does
// (engine/probe.ts: config.json `health` under seed-2021, the startup, readiness and liveness probes under current):
// it exits first (MA403), nothing answers on the port (MA404: as soon as it is seen listening elsewhere, at the
// latest when the probe's budget is over), or it serves. The probe checks, api and logs steps build on the outcome.
import { L } from '../../core/i18n';
import { formatBytes, formatSeconds } from '../../core/units';
import type { Localized } from '../../core/types';
import type { GpuRequest } from '../../core/deployment';
import MA403 from '../../core/rules/image/MA403';
import { createAndStart, tapLogs, StartError, type Running } from '../container';
import { probeContainer, type ProbeOutcome } from '../probe';
import { readListeners } from '../listeners';
import { exitCauseOf, type ExitCause } from '../exitCause';
import type Docker from 'dockerode';
import { noAnswer } from './noAnswer';
import { CancelledError, EngineRefusedError } from '../report';
import { cudaBaseOf, describeRunAs, permissionCause, runAsOf } from './user';
import type { RunContext, Step, StepResult } from './step';
import { probeCheckId } from './health';
import { join, same, SKIP } from '../reportText';

/** `--gpus` as the user wrote it, for the report. */
const gpuText = (g: GpuRequest | undefined): string | undefined =>
  !g ? undefined : 'deviceIds' in g ? `device=${g.deviceIds.join(',')}` : String(g.count);

/** What the engine's refusal means and what to do; a GPU asked of an engine without a GPU runtime says what to install. */
function engineRefusal(said: string): Localized {
  if (/could not select device driver|nvidia/i.test(said)) return START_TEXTS.noGpuRuntime(said);
  return START_TEXTS.engineRefused(said);
}

/** The engine refused to start it (a missing command): for ModelArts that is an exit before serving. */
function notStarted(ctx: RunContext, e: StartError): StepResult {
  ctx.notStarted = true;
  ctx.issue('MA403', { dockerfile: 'CMD' }, MA403.messages.notStarted(e.message));
  return { status: 'fail', code: 'MA403', message: MA403.messages.notStartedCheck(e.message) };
}

async function probe(ctx: RunContext, run: Running): Promise<ProbeOutcome> {
  const { deployment: d, profile } = ctx;
  const target = { engine: ctx.engine, container: run.container, port: d.port, hostPort: run.hostPort!, profile, signal: ctx.signal };
  const outcome = await probeContainer(target, {
    probes: d.probes, startedAt: run.startedAt, deadlineMs: ctx.deadlineMs, pollMs: ctx.options.pollMs,
    listeners: () => readListeners(ctx.engine, run.container),
    onAttempt: (e) => ctx.cb.onProbe?.({ check: probeCheckId(e.probe, profile), afterMs: e.afterMs, text: e.text, count: e.count }),
  });
  if (outcome.kind === 'cancelled') throw new CancelledError();
  ctx.outcome = outcome;
  const servedAfterMs = outcome.kind === 'healthy' || outcome.kind === 'bad-health' ? outcome.servedAfterMs : undefined;
  ctx.served = servedAfterMs !== undefined;
  if (servedAfterMs !== undefined) ctx.timings.serving = servedAfterMs;
  // Under current the readiness probe gates traffic: a startup or readiness probe that failed means no requests.
  const gating = outcome.kind === 'bad-health' && profile === 'current' ? outcome.probes.find((r) => r.failed && r.probe.kind !== 'liveness') : undefined;
  if (gating) ctx.notReady = join(SKIP.probeFailed(gating.probe.kind), L(': ModelArts sends the service no requests', '：ModelArts 不会向服务发送请求'));
  return outcome;
}

/**
 * No host port: a container that ended at once has none (the engine drops the binding when it exits). That is
 * MA403 with its exit code; a running container without a port is the engine's fault.
 */
async function exitedAtOnce(ctx: RunContext, run: Running): Promise<{ outcome: ProbeOutcome; info: Docker.ContainerInspectInfo }> {
  const info = await run.container.inspect().catch(() => undefined);
  if (!info || info.State?.Running) throw new EngineRefusedError(START_TEXTS.noHostPort(ctx.deployment.port));
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
    const check = MA403.messages.exitedCheck(outcome.exitCode, outcome.afterMs, why);
    return { durationMs, status: 'fail', code: 'MA403', message: check, details: tail.map(same) };
  }
  if (outcome.kind === 'no-port') return noAnswer(ctx, outcome, durationMs);
  const port = ctx.deployment.port;
  if (!ctx.served && outcome.kind === 'bad-health') {
    return { durationMs, status: 'skip', message: START_TEXTS.silentBefore(port, outcome.failed.probe.kind) };
  }
  return { durationMs, status: 'pass', message: START_TEXTS.serving(port, ctx.timings.serving ?? 0, run.hostPort, describeRunAs(runAsOf(ctx))) };
}

const START_TEXTS = {
  noHostPort: (port: number) => L(`the engine published no host port for ${port}`, `引擎没有为 ${port} 端口发布主机端口`),
  silentBefore: (port: number, kind: string) => L(
    `nothing answered on port ${port} before the ${kind} probe failed`, `${SKIP.probeFailed(kind).zh}之前 ${port} 端口没有任何应答`),
  serving: (port: number, ms: number, hostPort: number | undefined, as: Localized) => L(
    `answering on ${port} after ${formatSeconds(ms)} (127.0.0.1:${hostPort}) as ${as.en}`,
    `${formatSeconds(ms)} 后在 ${port} 端口应答（127.0.0.1:${hostPort}），运行用户 ${as.zh}`),
  noGpuRuntime: (said: string) => L(
    '--gpus needs a GPU runtime on the engine\'s host, and this engine has none: install the NVIDIA Container Toolkit '
      + '(nvidia-container-toolkit), run `sudo nvidia-ctk runtime configure --runtime=docker` and restart the engine; '
      + `or run without --gpus. The engine said: ${said}`,
    '--gpus 需要引擎所在主机提供 GPU 运行时，而该引擎没有：请安装 NVIDIA Container Toolkit（nvidia-container-toolkit），'
      + `执行 \`sudo nvidia-ctk runtime configure --runtime=docker\` 并重启引擎；或不带 --gpus 运行。引擎返回：${said}`),
  engineRefused: (said: string) => L(`the engine could not start the container: ${said}`, `引擎无法启动容器：${said}`),
};

export const startStep = (port: number): Step => ({
  id: 'start',
  title: L(`Serve on port ${port}`, `在 ${port} 端口提供服务`),
  async run(ctx) {
    const ts = Date.now();
    let run: Running;
    try {
      const { user, memoryBytes, gpus } = ctx.deployment;
      run = await createAndStart(ctx.engine, { image: ctx.tag, env: ctx.options.env, port, user, memoryBytes, gpus, signal: ctx.signal });
    } catch (e) {
      if (e instanceof StartError && e.imageFault) return notStarted(ctx, e);
      // The engine's own failure (its network, its runtime, no GPU runtime) says nothing about the image: not an MA403.
      if (e instanceof StartError) throw new EngineRefusedError(engineRefusal(e.message), { cause: e });
      throw e;
    }
    ctx.run = run;
    ctx.containers.add(run.id);
    const gpus = gpuText(ctx.deployment.gpus);
    const cudaBase = cudaBaseOf(ctx.anchors.dockerfile?.text);
    ctx.report.runAs = { ...runAsOf(ctx), memoryBytes: ctx.deployment.memoryBytes, ...(gpus ? { gpus } : {}), ...(cudaBase ? { cudaBase } : {}) };
    ctx.timings.start = Date.now() - ts;
    ctx.logs = await tapLogs(ctx.engine, run.container, (l, s) => ctx.cb.onLog?.(l, s));
    if (!run.hostPort) {
      const { outcome, info } = await exitedAtOnce(ctx, run);
      return judge(ctx, run, outcome, info);
    }
    return judge(ctx, run, await probe(ctx, run));
  },
});
