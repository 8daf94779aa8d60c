// The conformance run as a Test Explorer tree: a model folder per root item, one test per check. A run of any
// item runs the folder's whole conformance test (the checks depend on each other: build, start, then requests)
// and reports the requested items; failures carry their message and a location in the Dockerfile or config.json.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ModelFolder } from '../../../core/folders';
import type { Localized } from '../../../core/types';
import { runConformance, CancelledError, EngineRefusedError, type ProbeReport, type Report } from '../../../engine/conformance';
import { formatReportText } from '../../../engine/format';
import { WORDS } from '../../../engine/reportText';
import { plannedChecks, type PlannedCheck } from '../../../engine/steps';
import { folderDeployment } from '../../../engine/deployFile';
import { seconds } from '../../../core/units';
import { showEngineError } from '../engineError';
import { ruleDocCode } from '../commands/ruleDoc';
import { lang, t, tl } from '../i18n';
import type { ModelFolders } from '../modelFolders';
import { workflowSettings } from '../settings';
import { requireTrust } from '../trust';
import type { Workflow } from '../workflow';
import { checkResults, type CheckResult } from './reportModel';

export interface RunSummary {
  folder: string;
  done: boolean;
  passed?: boolean;
  results: { id: string; label: string; state: string; messages: string[]; locations: { path: string; line: number }[] }[];
  /** The failed checks' ids in the order they were told (the first cause first: the failure peek opens on it). */
  failedOrder?: string[];
  /** The engine the run used, as the report names it ("ssh://root@host (Docker 20.10, API 1.41)"). */
  engine?: string;
}

export class ConformanceTests implements vscode.Disposable {
  readonly ctrl = vscode.tests.createTestController('modelarts', t('ModelArts conformance', 'ModelArts 一致性测试'));
  private readonly profile: vscode.TestRunProfile;
  private readonly problems = vscode.languages.createDiagnosticCollection('modelarts-conformance');
  private readonly subs: vscode.Disposable[] = [];
  lastRun: RunSummary | undefined;
  private readonly runChanged = new vscode.EventEmitter<void>();
  /** Runs in flight: aborted and awaited on deactivate, so the engine removes their containers. */
  private readonly active = new Map<AbortController, Promise<unknown>>();
  /** A folder's run started or ended. */
  readonly onDidChangeRun = this.runChanged.event;

  constructor(private readonly folders: ModelFolders, private readonly wf: Workflow) {
    this.profile = this.ctrl.createRunProfile(t('Build and Test', '构建并测试'), vscode.TestRunProfileKind.Run, (req, token) => this.run(req, token), true);
    this.ctrl.resolveHandler = async () => this.sync();
    this.ctrl.refreshHandler = async () => { this.folders.refresh(); this.sync(); };
    this.subs.push(folders.onDidChange(() => this.sync()));
  }

  /** One root item per model folder, with the checks its config.json implies. */
  sync(): void {
    const seen = new Set<string>();
    for (const f of this.folders.all) {
      if (!f.dockerfilePath) continue;
      seen.add(f.dir);
      this.folderItem(f);
    }
    const gone: string[] = [];
    this.ctrl.items.forEach((i) => { if (!seen.has(i.id)) gone.push(i.id); });
    for (const id of gone) this.ctrl.items.delete(id);
  }

  private folderItem(f: ModelFolder): vscode.TestItem {
    let item = this.ctrl.items.get(f.dir);
    if (!item) {
      const ws = vscode.workspace.getWorkspaceFolder(vscode.Uri.file(f.dir));
      item = this.ctrl.createTestItem(f.dir, path.basename(f.dir), vscode.Uri.file(f.configPath ?? f.dockerfilePath ?? f.dir));
      const rel = ws ? vscode.workspace.asRelativePath(f.dir) : f.dir;
      if (rel !== item.label) item.description = rel;
      this.ctrl.items.add(item);
    }
    const expected = this.plan(f).filter((c) => c.planned);
    const children = expected.map((c, i) => {
      const child = item!.children.get(c.id) ?? this.ctrl.createTestItem(c.id, tl(c.title), item!.uri);
      child.sortText = String(i).padStart(3, '0'); // run order, not alphabetical
      return child;
    });
    item.children.replace(children);
    return item;
  }

  /** The engine's checks for the folder (its config.json, Dockerfile and deployment file as they are on disk now). */
  private plan(f: ModelFolder): PlannedCheck[] {
    let text: string | undefined;
    try { text = fs.readFileSync(f.dockerfilePath!, 'utf8'); } catch { /* gone: the tree updates on the next change */ }
    const s = workflowSettings(vscode.Uri.file(f.dir));
    const config = this.wf.configOf(f);
    return plannedChecks(config, { file: f.dockerfilePath!, text }, s.serviceKind, folderDeployment(f, config, s.profile));
  }

  /** "Build and Test" from a command, a menu or a CodeLens: a run of the folder's root item. */
  async runFolder(f: ModelFolder): Promise<void> {
    const item = this.folderItem(f);
    await vscode.commands.executeCommand('workbench.view.testing.focus');
    const cts = new vscode.CancellationTokenSource();
    await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: t(`ModelArts: Build and Test ${path.basename(f.dir)}`, `ModelArts：构建并测试 ${path.basename(f.dir)}`),
        cancellable: true,
      },
      async (progress, token) => {
        token.onCancellationRequested(() => cts.cancel());
        await this.run(new vscode.TestRunRequest([item], undefined, this.profile), cts.token, (m) => progress.report({ message: m }));
      },
    );
    cts.dispose();
  }

  private async run(request: vscode.TestRunRequest, token: vscode.CancellationToken, report?: (m: string) => void): Promise<void> {
    if (!(await requireTrust())) return;
    // Which folders, and which of their checks were asked for (a folder item means all of them).
    const wanted = new Map<vscode.TestItem, Set<string> | 'all'>();
    const include = request.include ?? [...this.iter()];
    for (const i of include) {
      const root = i.parent ?? i;
      const prev = wanted.get(root);
      if (!i.parent) wanted.set(root, 'all');
      else if (prev !== 'all') wanted.set(root, new Set([...(prev ?? []), i.id]));
    }
    const run = this.ctrl.createTestRun(request, t('ModelArts conformance', 'ModelArts 一致性测试'));
    try {
      for (const [root, which] of wanted) {
        if (token.isCancellationRequested) break;
        const f = this.folders.folderOf(root.id);
        if (!f) { run.errored(root, new vscode.TestMessage(t('This model folder is gone.', '该模型文件夹已不存在。'))); continue; }
        await this.runOne(f, this.folderItem(f), which, run, token, report).finally(() => this.runChanged.fire());
      }
    } finally {
      run.end();
    }
  }

  private *iter(): Iterable<vscode.TestItem> { const out: vscode.TestItem[] = []; this.ctrl.items.forEach((i) => out.push(i)); yield* out; }

  private async runOne(
    f: ModelFolder, root: vscode.TestItem, which: Set<string> | 'all', run: vscode.TestRun, token: vscode.CancellationToken, report?: (m: string) => void,
  ): Promise<void> {
    const asked = (id: string) => which === 'all' || which.has(id);
    const summary: RunSummary = { folder: f.dir, done: false, results: [] };
    this.lastRun = summary;
    this.runChanged.fire();
    root.children.forEach((c) => asked(c.id) && run.enqueued(c));
    const engine = await this.wf.connect(f);
    if (!engine) {
      run.errored(root, new vscode.TestMessage(t(
        'No Docker engine answers: start one or set "modelarts.dockerHost".',
        '没有可用的 Docker 引擎：请启动一个，或设置 "modelarts.dockerHost"。',
      )));
      summary.done = true;
      return;
    }
    const s = workflowSettings(vscode.Uri.file(f.dir));
    const titles = new Map<string, Localized>(this.plan(f).map((c) => [c.id, c.title]));
    const ac = new AbortController();
    const sub = token.onCancellationRequested(() => ac.abort());
    const name = path.basename(f.dir);
    let rep: Report | undefined;
    try {
      const options = { profile: s.profile, env: s.env, startTimeoutMs: s.startTimeoutS * 1000, stopTimeoutS: s.stopTimeoutS, rules: s.rules, engine,
        serviceKind: s.serviceKind, deployment: s.deployment };
      const running = runConformance(f.dir, options, {
        signal: ac.signal,
        onProgress: (c) => {
          const item = root.children.get(c.id);
          if (c.status === 'running') {
            report?.(tl(c.title));
            if (item && asked(item.id)) run.started(item);
          }
        },
        onProbe: (e) => this.wf.log.warn(`[${name}] ${tellProbe(e, root, titles, run, report)}`),
        onLog: (line, stream) => {
          run.appendOutput(`${line.replace(/\r?\n$/, '')}\r\n`);
          (stream === 'stderr' ? this.wf.log.warn : this.wf.log.info).call(this.wf.log, `[${name}${stream === 'build' ? ' build' : ''}] ${line}`);
        },
      });
      this.active.set(ac, running.catch(() => undefined));
      rep = await running;
    } catch (e) {
      summary.done = true;
      if (e instanceof CancelledError || ac.signal.aborted) {
        root.children.forEach((c) => asked(c.id) && run.skipped(c));
        return;
      }
      run.errored(root, new vscode.TestMessage(e instanceof EngineRefusedError ? tl(e.text) : (e as Error).message));
      await showEngineError(e, this.wf.log);
      return;
    } finally {
      sub.dispose();
      this.active.delete(ac);
    }
    this.apply(rep, root, asked, run, summary);
    // The Output channel: the report as the CLI prints it, in the UI language (its headings, each check, the verdict).
    this.wf.log.info(`[${name}]\n${formatReportText(rep, false, lang())}`);
  }

  private apply(rep: Report, root: vscode.TestItem, asked: (id: string) => boolean, run: vscode.TestRun, summary: RunSummary): void {
    const results = checkResults(rep, lang());
    const reported = new Set<string>();
    // Failures are told first, the first cause (in run order) before the ones it may have caused: the failure peek
    // opens on it. Then passes, skips and the warnings' output lines.
    const order = [...results.filter((r) => r.state === 'failed'), ...results.filter((r) => r.state !== 'failed')];
    for (const r of order) {
      let item = root.children.get(r.id);
      // A check that does not apply to this kind of service (batch checks on an online one) stays out of the tree.
      if (!item && r.state === 'skipped') continue;
      if (!item) { item = this.ctrl.createTestItem(r.id, r.label, root.uri); item.sortText = `500${r.id}`; root.children.add(item); }
      item.label = r.label;
      reported.add(r.id);
      if (!asked(r.id)) continue;
      // The Test Explorer API has no "passed with a warning": say it in the run's output, next to the item.
      if (r.warning) {
        const at = r.location ? new vscode.Location(vscode.Uri.file(r.location.file), toRange(r.location.range)) : undefined;
        run.appendOutput(`⚠ ${r.label}: ${r.warning}\r\n`, at, item);
      }
      if (r.state === 'passed') run.passed(item, r.durationMs);
      else if (r.state === 'skipped') run.skipped(item);
      else {
        run.failed(item, this.message(r), r.durationMs);
        (summary.failedOrder ??= []).push(r.id);
      }
    }
    summary.results.push(...results.filter((r) => reported.has(r.id)).map(toSummary));
    root.children.forEach((c) => { if (!reported.has(c.id) && asked(c.id)) run.skipped(c); });
    // MA4xx findings also go to the Problems panel until the next run of this folder.
    const byFile = new Map<string, vscode.Diagnostic[]>();
    for (const f of rep.findings) {
      const severity = { error: 0, warning: 1, info: 2, hint: 3 }[f.severity] as vscode.DiagnosticSeverity;
      const d = new vscode.Diagnostic(toRange(f.range), `${f.code}: ${lang() === 'zh-cn' ? f.message.zh : f.message.en}`, severity);
      d.source = 'modelarts-test';
      d.code = ruleDocCode(f.code);
      byFile.set(f.file, [...(byFile.get(f.file) ?? []), d]);
    }
    for (const [file] of this.problems) if (file.fsPath.startsWith(rep.folder + path.sep)) this.problems.delete(file);
    for (const [file, ds] of byFile) this.problems.set(vscode.Uri.file(file), ds);
    summary.passed = rep.passed;
    summary.engine = rep.engine;
    summary.done = true;
  }

  private message(r: CheckResult): vscode.TestMessage {
    // The first line is the check's whole one-line message; the finding's long text and the details follow.
    const m = new vscode.TestMessage([r.message, '', ...r.body].join('\n'));
    if (r.location) m.location = new vscode.Location(vscode.Uri.file(r.location.file), toRange(r.location.range));
    return m;
  }

  /** Cancels every run in flight and waits (bounded) for the engine to remove their containers. */
  async stopAll(): Promise<void> {
    const pending = [...this.active];
    for (const [ac] of pending) ac.abort();
    await Promise.race([Promise.all(pending.map(([, p]) => p)), new Promise((r) => setTimeout(r, 8000))]);
  }

  dispose(): void {
    void this.stopAll();
    for (const s of this.subs) s.dispose();
    this.runChanged.dispose();
    this.problems.dispose();
    this.ctrl.dispose();
  }
}

/**
 * A bad probe answer as it comes: in the run's output beside its check and in the progress notification; the line
 * is returned for the Output channel, which keeps it after the notification is gone.
 */
function tellProbe(e: ProbeReport, root: vscode.TestItem, titles: Map<string, Localized>, run: vscode.TestRun, report?: (m: string) => void): string {
  const title = titles.get(e.check);
  const name = title ? tl(title) : e.check;
  const line = tl(WORDS.probe(e.text, e.count));
  run.appendOutput(`✘ ${name} ${seconds(e.afterMs)} s: ${line}\r\n`, undefined, root.children.get(e.check));
  report?.(`${name}: ${line}`);
  return `${name} ${seconds(e.afterMs)} s: ${line}`;
}

const toRange = (r: { start: { line: number; character: number }; end: { line: number; character: number } }) =>
  new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character);

function toSummary(r: CheckResult): RunSummary['results'][number] {
  return {
    id: r.id, label: r.label, state: r.state, messages: r.state === 'failed' ? [r.message] : r.warning ? [r.warning] : [],
    locations: r.location ? [{ path: r.location.file, line: r.location.range.start.line }] : [],
  };
}
