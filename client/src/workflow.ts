// The containers this window runs, one per model folder: build, start, probe, stop, logs — thin over the engine.
// Every container is labelled by the engine and removed on stop and on deactivate.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ModelFolder } from '../../core/folders';
import { buildImage, defaultTag, type BuildResult } from '../../engine/build';
import { connectEngine, type Engine } from '../../engine/connect';
import { createAndStart, removeAll, removeOrphans, stopContainer, tapLogs, type LogTap, type Running } from '../../engine/container';
import { probeContainer, type ProbeOutcome } from '../../engine/probe';
import { folderDeployment } from '../../engine/deployFile';
import type { Deployment } from '../../core/deployment';
import { readListeners } from '../../engine/listeners';
import { probeProblem } from '../../engine/steps/notice';
import { formatBytes, formatSeconds, seconds } from '../../core/units';
import { showEngineError } from './engineError';
import { t, tl } from './i18n';
import { PROBE_NAME, WORDS } from '../../engine/reportText';
import { workflowSettings } from './settings';

export interface Live {
  folder: ModelFolder;
  image: string;
  running: Running;
  tap: LogTap;
  url: string;
  /** How it was started and is probed: the service port and the probes (engine/deployFile.ts). */
  deployment: Deployment;
  state: 'starting' | 'healthy' | 'unhealthy' | 'exited';
}

export class Workflow implements vscode.Disposable {
  readonly log = vscode.window.createOutputChannel(t('ModelArts Build & Run', 'ModelArts 构建与运行'), { log: true });
  readonly live = new Map<string, Live>();
  private readonly changed = new vscode.EventEmitter<Live | undefined>();
  readonly onDidChange = this.changed.event;
  private engine: Engine | undefined;
  private engineHost: string | undefined;

  /** The engine to use, or undefined after telling the user what to do. */
  async connect(folder?: ModelFolder): Promise<Engine | undefined> {
    const s = workflowSettings(folder ? vscode.Uri.file(folder.dir) : undefined);
    const key = `${s.dockerHost ?? ''}|${s.dockerTunnel ?? ''}`;
    if (this.engine && this.engineHost === key) {
      try {
        await this.engine.docker.ping();
        return this.engine;
      } catch { /* gone: connect again */ }
    }
    try {
      this.engine?.close();
      this.engine = await connectEngine({ host: s.dockerHost, tunnel: s.dockerTunnel });
      this.engineHost = key;
      this.log.info(`engine ${this.engine.endpoint.url} (${this.engine.endpoint.source}), version ${this.engine.version}`);
      const orphans = await removeOrphans(this.engine);
      if (orphans.length) this.log.info(`removed ${orphans.length} container(s) left behind by a window that was killed`);
      return this.engine;
    } catch (e) {
      this.engine = undefined;
      await showEngineError(e, this.log);
      return undefined;
    }
  }

  configOf(folder: ModelFolder): unknown {
    try {
      return folder.configPath ? JSON.parse(fs.readFileSync(folder.configPath, 'utf8')) : undefined;
    } catch {
      return undefined; // the Problems panel already says why
    }
  }

  async build(engine: Engine, folder: ModelFolder, signal: AbortSignal): Promise<BuildResult | undefined> {
    if (!folder.dockerfilePath) {
      void vscode.window.showErrorMessage(t(
        `No Dockerfile in ${folder.dir}: add one (snippet "modelarts-dockerfile").`,
        `${folder.dir} 中没有 Dockerfile：请添加一个（代码片段 "modelarts-dockerfile"）。`,
      ));
      return undefined;
    }
    const tag = defaultTag(folder.dir);
    this.log.info(`build ${tag} from ${folder.dockerfilePath}`);
    const onOutput = (l: string) => this.log.info(`[build] ${l}`);
    const r = await buildImage(engine, { dir: folder.dir, dockerfile: folder.dockerfilePath, tag, signal, onOutput });
    if (r.ok) {
      this.log.info(`built ${tag} in ${formatSeconds(r.durationMs)} (${r.context.files} files, ${formatBytes(r.context.bytes)} context)`);
      return r;
    }
    if (r.error === 'cancelled') {
      this.log.warn('build cancelled');
      return undefined;
    }
    this.log.error(`build failed: ${r.error}`);
    this.showBuildFailure(folder, r);
    return undefined;
  }

  /** The failure, with a button to the failing Dockerfile step when the build names one. */
  private showBuildFailure(folder: ModelFolder, r: BuildResult): void {
    const open = t('Go to the failing step', '转到失败的步骤');
    const logs = t('Show Logs', '显示日志');
    const s = r.failedStep;
    const where = s ? t(` at step ${s.step} (${s.instruction})`, `（第 ${s.step} 步：${s.instruction}）`) : '';
    const message = t(`The image build failed${where}: ${r.error}`, `镜像构建失败${where}：${r.error}`);
    void vscode.window.showErrorMessage(message, ...(s ? [open] : []), logs).then(async (pick) => {
      if (pick === logs) this.log.show(true);
      if (pick === open && s && folder.dockerfilePath) {
        const { start, end } = s.range;
        const selection = new vscode.Range(start.line, start.character, end.line, end.character);
        await vscode.window.showTextDocument(vscode.Uri.file(folder.dockerfilePath), { selection });
      }
    });
  }

  /** Builds (cached layers make a rebuild cheap), starts and probes the folder's container. */
  async run(folder: ModelFolder, signal: AbortSignal, report: (m: string) => void): Promise<Live | undefined> {
    const engine = await this.connect(folder);
    if (!engine) return undefined;
    report(t('building the image…', '正在构建镜像…'));
    const built = await this.build(engine, folder, signal);
    if (!built || signal.aborted) return undefined;
    await this.stop(folder, true);
    const s = workflowSettings(vscode.Uri.file(folder.dir));
    report(t('starting the container…', '正在启动容器…'));
    // The port and probes the conformance run uses for this folder, so both see the same container.
    const deployment = folderDeployment(folder, this.configOf(folder), s.profile, s.deployment);
    let running: Running;
    try {
      const { port, user, memoryBytes } = deployment;
      running = await createAndStart(engine, { image: built.tag, env: s.env, port, user, memoryBytes, signal });
    } catch (e) {
      await showEngineError(e, this.log);
      return undefined;
    }
    const name = path.basename(folder.dir);
    const tap = await tapLogs(engine, running.container, (line, stream) =>
      (stream === 'stderr' ? this.log.warn : this.log.info).call(this.log, `[${name}] ${line}`));
    const live: Live = { folder, image: built.tag, running, tap, url: `http://127.0.0.1:${running.hostPort}`, deployment, state: 'starting' };
    this.live.set(folder.dir, live);
    this.changed.fire(live);
    // The status bar follows the container when it exits on its own.
    running.container.wait().then((r: { StatusCode?: number }) => {
      if (this.live.get(folder.dir) !== live) return;
      live.state = 'exited';
      this.log.warn(`[${name}] container exited with code ${r.StatusCode ?? '?'}`);
      this.changed.fire(live);
    }, () => undefined);
    this.log.info(`container ${running.id.slice(0, 12)} of ${built.tag} serves ${deployment.port} at ${live.url} as ${deployment.user ?? "the image's USER"}`);
    await this.probe(live, signal, report, s.startTimeoutS);
    return signal.aborted ? undefined : live;
  }

  /** Probes the container as the conformance run does; each bad answer goes to the log and the progress as it comes. */
  async probe(live: Live, signal: AbortSignal, report: (m: string) => void, timeoutS?: number): Promise<ProbeOutcome> {
    const d = live.deployment, engine = this.engine;
    const first = d.probes[0];
    const what = first ? (first.method === 'EXEC' ? (first.command ?? []).join(' ') : first.url) : t(`port ${d.port}`, `${d.port} 端口`);
    if (!engine) return { kind: 'cancelled', afterMs: 0 };
    report(t(`waiting for ${what}…`, `正在等待 ${what}…`));
    const name = path.basename(live.folder.dir);
    const out = await probeContainer(
      { engine, container: live.running.container, port: d.port, hostPort: live.running.hostPort ?? 0, profile: d.profile, signal },
      {
        probes: d.probes, startedAt: timeoutS ? live.running.startedAt : Date.now(),
        // A re-probe of a running container (Probe Health) is one round: each probe's timeout and a second.
        deadlineMs: (timeoutS ?? Math.max(3, ...d.probes.map((p) => p.timeoutS)) + 1) * 1000,
        // What the container listens on instead, read while waiting: a server on another port is told in seconds.
        listeners: () => readListeners(engine, live.running.container),
        onAttempt: (e) => {
          const line = tl(WORDS.probe(e.text, e.count));
          const probe = tl(PROBE_NAME[e.probe]);
          this.log.warn(`[${name}] ${probe}, ${seconds(e.afterMs)} s: ${line}`);
          report(`${probe}: ${line}`);
        },
      },
    );
    live.state = out.kind === 'healthy' ? 'healthy' : out.kind === 'exited' ? 'exited' : out.kind === 'cancelled' ? live.state : 'unhealthy';
    this.changed.fire(live);
    const secs = seconds(out.afterMs);
    // A failed probe is told with the code the conformance run gives it (engine/steps/notice.ts).
    const problem = probeProblem(out, d.port, d.profile);
    const msg = problem ? tl(problem)
      : out.kind === 'healthy' ? t(`${what} is healthy after ${secs} s at ${live.url}`, `${what} 在 ${secs} 秒后健康，地址 ${live.url}`)
      : t('Probe cancelled.', '探测已取消。');
    if (out.kind === 'healthy') {
      this.log.info(msg);
      void vscode.window.showInformationMessage(msg);
    } else if (out.kind !== 'cancelled') {
      this.log.error(msg);
      const logs = t('Show Logs', '显示日志');
      void vscode.window.showErrorMessage(msg, logs).then((p) => p === logs && this.log.show(true));
    }
    return out;
  }

  /** Stops (SIGTERM, then the daemon's kill) and removes the folder's container. */
  async stop(folder: ModelFolder, quiet = false): Promise<boolean> {
    const live = this.live.get(folder.dir);
    if (!live) return false;
    this.live.delete(folder.dir);
    live.tap.stop();
    const engine = this.engine;
    try {
      const r = await stopContainer(live.running.container, 10);
      if (!quiet) this.log.info(`stopped ${live.running.id.slice(0, 12)} in ${formatSeconds(r.ms)}`);
    } catch (e) {
      this.log.warn(`stop: ${(e as Error).message}`);
    }
    if (engine) await removeAll(engine, [live.running.id]);
    this.changed.fire(undefined);
    return true;
  }

  /** Removes every container this window started (deactivate). */
  async disposeAll(): Promise<void> {
    const lives = [...this.live.values()];
    this.live.clear();
    for (const l of lives) l.tap.stop();
    if (this.engine) await removeAll(this.engine, lives.map((l) => l.running.id));
  }

  dispose(): void {
    void this.disposeAll();
    this.changed.dispose();
    this.log.dispose();
  }
}
