// The conformance test of one model folder: the steps of engine/steps/ in order (build, size, platform, batch,
// start, health, each api, logs, stop), one report with a check per step, MA4xx findings and timings. The runner
// owns cancellation, timing and cleanup: nothing is left running, whatever happens (failure, exception, cancel),
// unless the caller asked to keep the container.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { deployFileOf, findModelFolders } from '../core/folders';
import { diskFiles } from '../core/files';
import { serviceKindOfText } from '../core/analysis/service';
import { resolveSeverity } from '../core/rules/catalogue';
import { defaultOptions, type Profile } from '../core/types';
import { L } from '../core/i18n';
import { deploymentOf, deployValueOf } from '../core/deployment';
import { connectEngine, type Engine } from './connect';
import { defaultTag } from './build';
import { removeAll, removeOrphans } from './container';
import { probeDeadlineMs } from './probe';
import { apiSpecs } from './infer';
import { loadAnchors, finding, type Anchors } from './findings';
import { CancelledError, EngineRefusedError, type Check, type ConformanceCallbacks, type ConformanceOptions, type Report } from './report';
import { conformanceSteps } from './steps';
import { same } from './reportText';
import { trackTestedRun } from './push/tested';
import type { ModelFolderPaths, RunContext, Step } from './steps/step';

export * from './report';

/** What the run knows before it reaches the engine; the cleanup reads it too. */
interface Setup {
  t0: number;
  folder: { dir: string; dockerfilePath?: string; configPath?: string };
  anchors: Anchors;
  profile: Profile;
  options: ConformanceOptions;
  cb: ConformanceCallbacks;
  report: Report;
  containers: Set<string>;
  kindIsExplicit: boolean;
  engine?: Engine;
  ctx?: RunContext;
}

function setup(folderArg: string, options: ConformanceOptions, cb: ConformanceCallbacks): Setup {
  const profile: Profile = options.profile ?? 'seed-2021';
  const abs = path.resolve(folderArg);
  const folder = findModelFolders([abs], diskFiles, { ...defaultOptions(), profile }).find((f) => f.dockerfilePath) ?? {
    dir: abs,
    dockerfilePath: fs.existsSync(path.join(abs, 'Dockerfile')) ? path.join(abs, 'Dockerfile') : undefined,
    configPath: fs.existsSync(path.join(abs, 'config.json')) ? path.join(abs, 'config.json') : undefined,
  };
  const anchors = loadAnchors(folder.dir, folder.configPath, folder.dockerfilePath, deployFileOf(folder, diskFiles));
  const kind = serviceKindOfText(folder.dockerfilePath ?? 'Dockerfile', anchors.dockerfile?.text, options.serviceKind);
  const report: Report = { passed: false, folder: folder.dir, serviceKind: kind.kind, checks: [], findings: [], timings: {} };
  const kindIsExplicit = kind.reason === 'setting' || kind.reason === 'comment';
  return { t0: Date.now(), folder, anchors, profile, options, cb, report, containers: new Set(), kindIsExplicit };
}

/** Connects (unless given an engine), removes what dead runs left behind, and makes the steps' context. */
async function connect(s: Setup, folder: ModelFolderPaths): Promise<RunContext> {
  const { options, report, anchors, profile } = s;
  const tc = Date.now();
  const engine = (s.engine = options.engine ?? (await connectEngine({ host: options.host, tunnel: options.tunnel })));
  report.timings.connect = Date.now() - tc;
  report.engine = `${engine.endpoint.url} (Docker ${engine.version}, API ${engine.apiVersion})`;
  const orphans = await removeOrphans(engine);
  if (orphans.length) s.cb.onLog?.(`removed ${orphans.length} container(s) left behind by a process that no longer runs`, 'build');
  const tag = options.tag ?? defaultTag(folder.dir);
  report.image = tag;
  const config = anchors.config?.value;
  // The deployment file was parsed once, for the findings' anchors: its value is read from there.
  const deployment = deploymentOf(deployValueOf(anchors.deploy), config, profile, options.deployment);
  report.port = { port: deployment.port, from: profile === 'seed-2021' ? 'profile' : deployment.portFrom };
  const rules = options.rules ?? {};
  const ctx: RunContext = {
    engine, folder, anchors, profile, options, cb: s.cb, signal: s.cb.signal, report, timings: report.timings, containers: s.containers, tag,
    deployment, apis: apiSpecs(config), kindIsExplicit: s.kindIsExplicit,
    deadlineMs: options.startTimeoutMs ?? probeDeadlineMs(deployment.probes),
    issue: (code, where, message, related, own) => {
      const f = finding(anchors, code, where, message, profile, rules, own);
      if (f) report.findings.push(related?.length ? { ...f, related } : f);
    },
    verdictOf: (code) => (resolveSeverity(code, profile, rules) === 'error' ? 'fail' : 'warn'),
    lastLines: () => ctx.logs?.lines.slice(-15) ?? [],
    lastDetails: () => ctx.lastLines().map(same),
  };
  return (s.ctx = ctx);
}

/** One step: its gate, its run, its timing; a cancel before or after it ends the run. */
async function runStep(ctx: RunContext, step: Step): Promise<void> {
  const gate = await step.gate?.(ctx);
  if (gate === 'omit') return;
  if (ctx.signal?.aborted) throw new CancelledError();
  const title = step.title;
  // A skipped step is not announced: it does not run (the batch checks of an online service).
  if (!gate) ctx.cb.onProgress?.({ id: step.id, title, status: 'running' });
  const s = Date.now();
  const b = gate ? { status: 'skip' as const, message: gate.skip } : await step.run(ctx);
  // Steps measured elsewhere (the probe) bring their own duration.
  const c: Check = { id: step.id, title, ...b, durationMs: b.durationMs ?? Date.now() - s };
  if (ctx.signal?.aborted) throw new CancelledError();
  ctx.report.checks.push(c);
  ctx.cb.onProgress?.(c);
}

/** Removes every container of the run (but the served one when kept) and, when asked, the image; then the timings. */
async function cleanup(s: Setup): Promise<void> {
  const { options, report, ctx } = s;
  const timings = report.timings;
  ctx?.logs?.stop();
  // A keep-alive probe still pausing (the run failed or was cancelled before its step) ends with the container.
  ctx?.keepAlive?.stop();
  await ctx?.keepAlive?.result;
  const tcl = Date.now();
  if (s.engine) {
    if (options.keep && ctx?.run && !s.cb.signal?.aborted) {
      s.containers.delete(ctx.run.id);
      report.kept = { containerId: ctx.run.id, url: `http://127.0.0.1:${ctx.run.hostPort}` };
    }
    await removeAll(s.engine, s.containers, options.removeImage && report.image ? [report.image] : []);
  }
  timings.cleanup = Date.now() - tcl;
  timings.total = Date.now() - s.t0;
  // What the kit adds beyond the build and the container's own start-up and shutdown.
  timings.overhead = timings.total - (timings.build ?? 0) - (timings.serving ?? 0) - (timings.stop ?? 0);
}

export async function runConformance(folderArg: string, options: ConformanceOptions = {}, cb: ConformanceCallbacks = {}): Promise<Report> {
  const s = setup(folderArg, options, cb);
  try {
    const dockerfilePath = s.folder.dockerfilePath;
    if (!dockerfilePath) throw new EngineRefusedError(L(`no Dockerfile in ${s.folder.dir}`, `${s.folder.dir} 中没有 Dockerfile`));
    // The push preflight reads what this run tested (engine/push/tested.ts).
    const tested = trackTestedRun(s.folder.dir, dockerfilePath);
    const ctx = await connect(s, { ...s.folder, dockerfilePath });
    const steps = conformanceSteps(ctx.anchors.config?.value, ctx.deployment);
    let begun = false;
    for (const step of steps) {
      if (ctx.ended) break;
      await runStep(ctx, step);
      if (begun || !ctx.served) continue;
      begun = true;
      for (const s of steps) s.begin?.(ctx);
    }
    s.report.passed = s.report.checks.every((c) => c.status !== 'fail');
    await tested.finish(ctx);
    return s.report;
  } finally {
    await cleanup(s);
  }
}
