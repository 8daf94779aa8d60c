// The conformance test of one model folder: build, inspect, run, probe, call every api, read the logs, stop,
// clean up — one report with a check per step, MA4xx findings and timings. Nothing is left running, whatever
// happens (failure, exception, cancel), unless the caller asked to keep the container.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type Docker from 'dockerode';
import { findModelFolders } from '../core/folders';
import { diskFiles } from '../core/files';
import { defaultOptions, type Finding, type Profile, type ServiceKind } from '../core/types';
import { connectEngine, type Engine } from './connect';
import { buildImage, defaultTag } from './build';
import { inspectImage, inspectBatch, SIZE_LIMITS } from './inspect';
import { createAndStart, tapLogs, stopContainer, removeAll, removeOrphans, StartError, type Running, type LogTap } from './container';
import { healthSpec, modelArtsBudgetS, probeHealth } from './probe';
import { apiSpecs, testApi } from './infer';
import { loadAnchors, finding, type Where } from './findings';
import { parseDockerfile } from '../core/parse/dockerfile';
import { defaultSeverity } from '../core/rules/catalogue';
import { DEFAULT_STOP_TIMEOUT_S, MODELARTS_STOP_GRACE_S, type Check, type ConformanceCallbacks, type ConformanceOptions, type Report } from './report';

export * from './report';

export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

const gb = (n: number) => (n >= 1024 ** 3 ? `${(n / 1024 ** 3).toFixed(2)} GB` : n >= 1024 ** 2 ? `${(n / 1024 ** 2).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);
const sec = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Online or batch, decided as the static rules do (core/analysis/service.ts): a
 * `# modelarts-service: batch|online` comment, else a start command (CMD/ENTRYPOINT) that runs /home/run.sh.
 */
export function detectServiceKind(dockerfileText: string | undefined, _dir?: string): ServiceKind {
  if (!dockerfileText) return 'online';
  const c = /^[ \t]*#[ \t]*modelarts-service:[ \t]*(batch|online)\b/im.exec(dockerfileText);
  if (c) return c[1].toLowerCase() as ServiceKind;
  const doc = parseDockerfile('Dockerfile', dockerfileText);
  const starts = doc.ast.getInstructions().filter((i) => ['CMD', 'ENTRYPOINT'].includes(i.getKeyword()));
  return starts.some((i) => /\/home\/run\.sh\b/.test(doc.doc.getText(i.getRange()))) ? 'batch' : 'online';
}

/** The container's exit code if it ends within ms (the engine may record a kill a moment after the reset). */
async function exitedWithin(container: Docker.Container, ms: number): Promise<number | undefined> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      container.wait({ abortSignal: ac.signal } as object).then((w: { StatusCode?: number }) => w.StatusCode ?? -1, () => undefined),
      new Promise<undefined>((res) => (timer = setTimeout(() => res(undefined), ms))),
    ]);
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
}

/**
 * MA410: still running `limitS` after SIGTERM, so it was killed. ModelArts does not fail such a deployment: it kills
 * the container after its own grace period (spec digest: SIGTERM row), which cuts the requests still in flight.
 */
export function ma410Message(limitS: number): { en: string; zh: string; short: string } {
  const g = MODELARTS_STOP_GRACE_S;
  const short = `did not stop within ${limitS} s of SIGTERM; in-flight requests would be cut when ModelArts stops it after ${g} s`;
  const longer = limitS < g ? ` A server that waits for its requests on purpose: run with --stop-timeout ${g} to see it stop in time.` : '';
  return {
    short,
    en: `The container ${short}. It was killed and removed. Handle SIGTERM in PID 1 (exec-form CMD, or exec in run.sh): finish the requests in flight, then exit.${longer}`,
    zh: `收到 SIGTERM 后 ${limitS} 秒内未退出；ModelArts 会在 ${g} 秒后强制停止它，届时正在处理的请求会被中断。容器已被终止并删除。请让 PID 1 处理 SIGTERM（exec 形式的 CMD，或在 run.sh 中使用 exec）：处理完进行中的请求后退出。${limitS < g ? `若服务有意等待请求完成，请用 --stop-timeout ${g} 检查它能否按时退出。` : ''}`,
  };
}

export async function runConformance(folderArg: string, options: ConformanceOptions = {}, cb: ConformanceCallbacks = {}): Promise<Report> {
  const t0 = Date.now();
  const profile: Profile = options.profile ?? 'seed-2021';
  const signal = cb.signal;
  const abs = path.resolve(folderArg);
  const folder = findModelFolders([abs], diskFiles, { ...defaultOptions(), profile }).find((f) => f.dockerfilePath) ?? {
    dir: abs,
    dockerfilePath: fs.existsSync(path.join(abs, 'Dockerfile')) ? path.join(abs, 'Dockerfile') : undefined,
    configPath: fs.existsSync(path.join(abs, 'config.json')) ? path.join(abs, 'config.json') : undefined,
  };
  const anchors = loadAnchors(folder.dir, folder.configPath, folder.dockerfilePath);
  const config = anchors.config?.value;
  let kind: ServiceKind = options.serviceKind ?? detectServiceKind(anchors.dockerfile?.text, folder.dir);
  const checks: Check[] = [];
  const findings: Finding[] = [];
  const timings: Record<string, number> = {};
  const report: Report = { passed: false, folder: folder.dir, serviceKind: kind, checks, findings, timings };
  const containers = new Set<string>();
  let engine: Engine | undefined = options.engine;
  let run: Running | undefined;
  let logs: LogTap | undefined;

  const add = (f: Finding | undefined) => f && findings.push(f);
  // A check whose finding is only a warning (by default or by modelarts.rules) warns; an error fails the run.
  const verdictOf = (code: string): 'warn' | 'fail' => ((options.rules?.[code] ?? defaultSeverity(code, profile)) === 'error' ? 'fail' : 'warn');
  const issue = (code: string, where: Where, en: string, zh: string) => add(finding(anchors, code, where, en, zh, profile, options.rules));
  type Body = Omit<Check, 'id' | 'title' | 'durationMs'> & { durationMs?: number };
  const step = async (id: string, title: string, body: () => Promise<Body>): Promise<Check> => {
    if (signal?.aborted) throw new CancelledError();
    cb.onProgress?.({ id, title, status: 'running' });
    const s = Date.now();
    const b = await body();
    // Steps measured elsewhere (the probe) bring their own duration.
    const c: Check = { id, title, ...b, durationMs: b.durationMs ?? Date.now() - s };
    if (signal?.aborted) throw new CancelledError();
    checks.push(c);
    cb.onProgress?.(c);
    return c;
  };
  const skip = (id: string, title: string, why: string) => step(id, title, async () => ({ status: 'skip', message: why }));

  try {
    if (!folder.dockerfilePath) throw new Error(`no Dockerfile in ${folder.dir}`);
    const tc = Date.now();
    engine ??= await connectEngine({ host: options.host });
    timings.connect = Date.now() - tc;
    report.engine = `${engine.endpoint.url} (Docker ${engine.version}, API ${engine.apiVersion})`;
    const orphans = await removeOrphans(engine);
    if (orphans.length) cb.onLog?.(`removed ${orphans.length} container(s) left behind by a process that no longer runs`, 'build');
    const tag = options.tag ?? defaultTag(folder.dir);
    report.image = tag;

    // Build
    const build = await step('build', 'Build the image', async () => {
      const b = await buildImage(engine!, { dir: folder.dir, dockerfile: folder.dockerfilePath!, tag, signal, buildArgs: options.buildArgs, onOutput: (l) => cb.onLog?.(l, 'build') });
      timings.build = b.durationMs;
      if (b.uploadMs !== undefined) timings.upload = b.uploadMs;
      if (b.error === 'cancelled') throw new CancelledError();
      if (!b.ok) {
        const where = b.failedStep ? ` at step ${b.failedStep.step} (line ${b.failedStep.range.start.line + 1}: ${b.failedStep.instruction})` : '';
        return { status: 'fail', message: `build failed${where}: ${b.error}`, details: b.tail.slice(-12), location: b.failedStep ? { file: folder.dockerfilePath!, line: b.failedStep.range.start.line + 1 } : undefined };
      }
      return { status: 'pass', message: `${tag} built in ${sec(b.durationMs)} (context: ${b.context.files} files, ${gb(b.context.bytes)})` };
    });
    if (build.status === 'fail') return finish();

    // Inspect
    const facts = await inspectImage(engine, tag, folder.dockerfilePath);
    // A start command inherited from the base image counts too.
    const explicit = options.serviceKind ?? /modelarts-service:[ \t]*(batch|online)/i.exec(anchors.dockerfile?.text ?? '')?.[1];
    if (!explicit && /\/home\/run\.sh\b/.test([...facts.entrypoint, ...facts.cmd].join(' '))) report.serviceKind = kind = 'batch';
    const limit = options.sizeLimitBytes ?? SIZE_LIMITS[profile];
    await step('size', 'Image size', async () => {
      const table = facts.layers.filter((l) => l.size > 0).slice(0, 8).map((l) => `${gb(l.size).padStart(10)}  ${l.line ? `line ${l.line}: ` : ''}${(l.instruction ?? l.createdBy).slice(0, 100)}`);
      if (facts.size <= limit) return { status: 'pass', message: `${gb(facts.size)} (limit ${gb(limit)})`, details: table };
      const big = facts.layers.find((l) => l.range);
      issue('MA401', big?.range ? { dockerfileRange: big.range } : { dockerfile: 'FROM' }, `The image is ${gb(facts.size)}, over the ${profile} limit of ${gb(limit)}. Biggest layers:\n${table.join('\n')}`, `镜像大小为 ${gb(facts.size)}，超过 ${gb(limit)} 的限制`);
      return { status: 'fail', code: 'MA401', message: `${gb(facts.size)} > limit ${gb(limit)}`, details: table };
    });
    await step('platform', 'Platform linux/amd64', async () => {
      const p = `${facts.os}/${facts.architecture}${facts.variant ? '/' + facts.variant : ''}`;
      if (facts.os === 'linux' && facts.architecture === 'amd64') return { status: 'pass', message: p };
      issue('MA402', { dockerfile: 'FROM' }, `The image is ${p}; ModelArts runs linux/amd64 images.`, `镜像平台为 ${p}，ModelArts 运行 linux/amd64 镜像`);
      return { status: 'fail', code: 'MA402', message: `${p}, not linux/amd64` };
    });
    if (kind === 'batch') {
      await step('batch', 'Batch entry and components', async () => {
        const b = await inspectBatch(engine!, tag, facts, (id) => containers.add(id));
        const missing = [!b.runSh && '/home/run.sh', !b.python && 'python', !b.java && 'java', !b.zip && 'zip'].filter(Boolean) as string[];
        const problems: string[] = [];
        if (missing.length) problems.push(`missing in the image: ${missing.join(', ')}`);
        if (!b.commandOk) problems.push(`the default command is \`${b.command || '(none)'}\`, not \`/bin/sh /home/run.sh\``);
        if (!problems.length) return { status: 'pass', message: '/home/run.sh, python, java and zip present; CMD runs /home/run.sh' };
        issue('MA409', { dockerfile: 'CMD' }, `Batch service: ${problems.join('; ')}.`, problems.join('；'));
        return { status: 'fail', code: 'MA409', message: problems.join('; ') };
      });
    } else await skip('batch', 'Batch entry and components', 'online service');

    // Run and wait for it the way ModelArts does.
    const health = healthSpec(config);
    const budgetS = modelArtsBudgetS(health);
    const deadline = options.startTimeoutMs ?? (Math.max(budgetS, 10) + 2) * 1000;
    const ts = Date.now();
    try {
      run = await createAndStart(engine, { image: tag, env: options.env, signal });
    } catch (e) {
      if (!(e instanceof StartError)) throw e;
      // The engine could not even start it (a missing command): for ModelArts that is an exit before serving.
      await step('start', 'Serve on port 8080', async () => {
        issue('MA403', { dockerfile: 'CMD' }, `The container could not start: ${e.message}`, `容器无法启动：${e.message}`);
        return { status: 'fail', code: 'MA403', message: `could not start: ${e.message}` };
      });
      for (const [id, title] of [['health', `Health ${health.url}`], ['logs', 'Logs on stdout/stderr'], ['stop', 'Stop on SIGTERM']]) await skip(id, title, 'the container did not start');
      return finish();
    }
    containers.add(run.id);
    timings.start = Date.now() - ts;
    logs = await tapLogs(engine, run.container, (l, s) => cb.onLog?.(l, s));
    const lastLines = () => logs!.lines.slice(-15);
    if (!run.hostPort) throw new Error('the engine published no host port for 8080');
    const outcome = await (async () => {
      cb.onProgress?.({ id: 'start', title: 'Serve on port 8080', status: 'running' });
      return probeHealth(run!.container, { port: run!.hostPort!, health, profile, startedAt: run!.startedAt, deadlineMs: deadline, pollMs: options.pollMs, signal });
    })();
    if (outcome.kind === 'cancelled') throw new CancelledError();
    const served = outcome.kind === 'healthy' || outcome.kind === 'bad-health';
    if (outcome.kind === 'healthy') timings.serving = outcome.afterMs;
    if (outcome.kind === 'bad-health' && outcome.servedAfterMs !== undefined) timings.serving = outcome.servedAfterMs;
    const probeMs = outcome.afterMs;
    await step('start', 'Serve on port 8080', async () => {
      const durationMs = timings.serving ?? probeMs;
      if (outcome.kind === 'exited') {
        await logs!.drained(1500);
        const tail = lastLines();
        issue('MA403', { dockerfile: 'CMD' }, `The container exited with code ${outcome.exitCode} after ${sec(outcome.afterMs)}, before it served.${tail.length ? ' Last log lines:\n' + tail.join('\n') : ' It wrote no log output.'}`, `容器在 ${sec(outcome.afterMs)} 后以退出码 ${outcome.exitCode} 退出`);
        return { durationMs, status: 'fail', code: 'MA403', message: `exited with code ${outcome.exitCode} after ${sec(outcome.afterMs)}, before serving`, details: tail };
      }
      if (outcome.kind === 'no-port') {
        issue('MA404', { dockerfile: 'CMD' }, `Nothing answered on port 8080 within ${sec(deadline)} (${outcome.last?.message ?? 'no connection'}). The server must listen on 0.0.0.0:8080.`, `${sec(deadline)} 内 8080 端口无响应，服务须监听 0.0.0.0:8080`);
        return { durationMs, status: 'fail', code: 'MA404', message: `nothing answered on 8080 within ${sec(deadline)}`, details: lastLines() };
      }
      return { durationMs, status: 'pass', message: `answering on 8080 after ${sec(timings.serving ?? 0)} (127.0.0.1:${run!.hostPort})` };
    });
    if (health.configured && served) {
      await step('health', `Health ${health.url}`, async () => {
        if (outcome.kind === 'healthy') {
          timings.healthy = outcome.afterMs;
          const s = outcome.afterMs / 1000;
          const ok = s <= budgetS;
          const msg = `healthy after ${s.toFixed(1)} s; ModelArts' timing (delay ${health.initialDelayS} s, every ${health.periodS} s, ${health.failureThreshold} failures, timeout ${health.timeoutS} s → ${budgetS} s) ${ok ? 'would pass' : 'would fail'}`;
          if (ok) return { durationMs: probeMs, status: 'pass', message: msg };
          const sum = `initial_delay_seconds ${health.initialDelayS} + period_seconds ${health.periodS} × (failure_threshold ${health.failureThreshold} − 1) + timeout_seconds ${health.timeoutS} = ${budgetS} s`;
          issue('MA405', { config: ['health'] }, `${health.url} became healthy after ${s.toFixed(1)} s, later than ModelArts waits (${sum}): the deployment would fail. Make the server answer sooner or raise initial_delay_seconds or failure_threshold.`,
            `${health.url} 在 ${s.toFixed(1)} 秒后才健康，超过 ModelArts 等待的时间（${sum}），部署会失败。请让服务更快就绪，或调大 initial_delay_seconds 或 failure_threshold`);
          return { durationMs: probeMs, status: 'fail', code: 'MA405', message: msg };
        }
        const last = outcome.kind === 'bad-health' ? outcome.last : undefined;
        const got = !last ? 'no answer' : 'status' in last ? `HTTP ${last.status} ${last.body.toString('utf8').slice(0, 200)}` : last.message;
        const want = profile === 'current' ? 'a 2xx/3xx answer' : 'HTTP 200 with {"health": "true"}';
        issue('MA405', { config: ['health', 'url'] }, `GET ${health.url} did not give ${want} within ${sec(deadline)}; last answer: ${got}.`, `GET ${health.url} 未在 ${sec(deadline)} 内返回 ${want}；最后一次：${got}`);
        return { durationMs: probeMs, status: 'fail', code: 'MA405', message: `GET ${health.url}: ${got} (expected ${want})`, details: lastLines() };
      });
    } else await skip('health', `Health ${health.url}`, served ? 'config.json has no health' : 'the container did not serve');

    // Every api.
    const apis = apiSpecs(config);
    if (!apis.length) await skip('api', 'APIs', 'config.json has no apis');
    for (const api of apis) {
      const id = `api ${api.method} ${api.url}`;
      if (!served) {
        await skip(id, id, 'the container did not serve');
        continue;
      }
      await step(id, id, async () => {
        const r = await testApi(api, { port: run!.hostPort!, configDir: path.dirname(folder.configPath ?? folder.dir), requestTimeoutMs: options.requestTimeoutMs, maxRequestBytes: options.maxRequestBytes, maxAnswerBytes: options.maxAnswerBytes, signal });
        timings[id] = r.ms;
        const details = [`request: ${r.requestSource}, ${r.requestBytes} bytes`, ...(r.preview !== undefined ? [`answer: ${r.preview}`] : [])];
        if (r.ok) return { status: 'pass', message: r.message, details };
        // A reset or timeout because the container died is its stop, not a slow api: say so.
        if (r.code === 'MA406') {
          const code = await exitedWithin(run!.container, 1000);
          if (code !== undefined) r.message += ` (the container stopped during the request: exit code ${code})`;
        }
        issue(r.code!, { config: ['apis', api.index, r.code === 'MA407' ? 'response' : 'url'] }, r.message, r.message);
        return { status: 'fail', code: r.code, message: r.message, details: [...details, ...lastLines().slice(-8)] };
      });
    }

    // Logs: only meaningful once it served (a crash or a silent port is already reported).
    // Output may trail the last answer by a moment; wait for it only when there is none yet.
    if (logs.bytes === 0) await logs.drained(500);
    if (served) {
      await step('logs', 'Logs on stdout/stderr', async () => {
        if (logs!.bytes > 0) return { status: 'pass', message: `${logs!.bytes} bytes of log output` };
        issue('MA408', { dockerfile: 'CMD' }, 'The container wrote nothing to stdout/stderr while starting and serving: ModelArts shows only those logs.', '启动和服务期间未输出任何日志（ModelArts 只展示标准输出/标准错误）');
        return { status: 'fail', code: 'MA408', message: 'no output on stdout/stderr' };
      });
    } else await skip('logs', 'Logs on stdout/stderr', 'the container did not serve');

    // Stop with SIGTERM, as ModelArts does, but wait only a short time (see ConformanceOptions.stopTimeoutS).
    const stopLimit = options.stopTimeoutS ?? DEFAULT_STOP_TIMEOUT_S;
    const state = await run.container.inspect().catch(() => undefined);
    if (options.keep) await skip('stop', 'Stop on SIGTERM', 'kept running (--keep)');
    else if (!state?.State?.Running) await skip('stop', 'Stop on SIGTERM', 'the container had already exited');
    else {
      await step('stop', 'Stop on SIGTERM', async () => {
        const s = await stopContainer(run!.container, stopLimit);
        timings.stop = s.ms;
        if (!s.killed) return { status: 'pass', message: `exited ${sec(s.ms)} after SIGTERM (code ${s.exitCode})` };
        const m = ma410Message(stopLimit);
        issue('MA410', { dockerfile: 'CMD' }, m.en, m.zh);
        return { status: verdictOf('MA410'), code: 'MA410', message: m.short };
      });
    }
    return finish();
  } finally {
    logs?.stop();
    const tcl = Date.now();
    if (engine) {
      if (options.keep && run && !signal?.aborted) {
        containers.delete(run.id);
        report.kept = { containerId: run.id, url: `http://127.0.0.1:${run.hostPort}` };
      }
      await removeAll(engine, containers, options.removeImage && report.image ? [report.image] : []);
    }
    timings.cleanup = Date.now() - tcl;
    timings.total = Date.now() - t0;
    // What the kit adds beyond the build and the container's own start-up and shutdown.
    timings.overhead = timings.total - (timings.build ?? 0) - (timings.serving ?? 0) - (timings.stop ?? 0);
  }

  function finish(): Report {
    report.passed = checks.every((c) => c.status !== 'fail');
    return report;
  }
}
