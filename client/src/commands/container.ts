// Build Image, Run Container, Probe Health, Stop Container, Show Logs: progress, cancellation and messages around
// the Workflow; the work itself is the engine's.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { t } from '../i18n';
import type { ModelFolders } from '../modelFolders';
import { withCancellableProgress } from '../progress';
import { requireTrust } from '../trust';
import type { Workflow } from '../workflow';

export function containerCommands(folders: ModelFolders, wf: Workflow): vscode.Disposable[] {
  const title = (en: string, zh: string, dir: string) => t(`ModelArts: ${en} ${path.basename(dir)}`, `ModelArts：${zh} ${path.basename(dir)}`);
  return [
    vscode.commands.registerCommand('modelarts.buildImage', async (arg?: unknown) => {
      if (!(await requireTrust())) return;
      const f = await folders.resolve(arg);
      if (!f) return;
      const engine = await wf.connect(f);
      if (!engine) return;
      const r = await withCancellableProgress(title('Build Image', '构建镜像', f.dir), (signal) => wf.build(engine, f, signal));
      if (r) {
        const s = (r.durationMs / 1000).toFixed(1);
        void vscode.window.showInformationMessage(t(`Built ${r.tag} in ${s} s.`, `已构建 ${r.tag}，用时 ${s} 秒。`));
      }
    }),
    vscode.commands.registerCommand('modelarts.runContainer', async (arg?: unknown) => {
      if (!(await requireTrust())) return;
      const f = await folders.resolve(arg);
      if (!f) return;
      await withCancellableProgress(title('Run Container', '运行容器', f.dir), (signal, report) => wf.run(f, signal, report));
    }),
    vscode.commands.registerCommand('modelarts.probeHealth', async (arg?: unknown) => {
      if (!(await requireTrust())) return;
      const f = await folders.resolve(arg);
      if (!f) return;
      const live = wf.live.get(f.dir);
      if (!live) {
        const run = t('Run Container', '运行容器');
        const name = path.basename(f.dir);
        const pick = await vscode.window.showInformationMessage(t(`No container of ${name} is running. Run it first?`, `${name} 没有运行中的容器。先运行它？`), run);
        if (pick === run) await withCancellableProgress(title('Run Container', '运行容器', f.dir), (signal, report) => wf.run(f, signal, report));
        return;
      }
      await withCancellableProgress(title('Probe Health', '探测健康检查', f.dir), (signal, report) => wf.probe(live, signal, report));
    }),
    vscode.commands.registerCommand('modelarts.stopContainer', async (arg?: unknown) => {
      const f = arg === undefined && wf.live.size === 1 ? [...wf.live.values()][0].folder : await folders.resolve(arg);
      if (!f) return;
      const progress = { location: vscode.ProgressLocation.Notification, title: title('Stop Container', '停止容器', f.dir) };
      const stopped = await vscode.window.withProgress(progress, () => wf.stop(f));
      void vscode.window.showInformationMessage(stopped
        ? t(`Stopped and removed the container of ${path.basename(f.dir)}.`, `已停止并删除 ${path.basename(f.dir)} 的容器。`)
        : t(`No container of ${path.basename(f.dir)} is running.`, `${path.basename(f.dir)} 没有运行中的容器。`));
    }),
    vscode.commands.registerCommand('modelarts.showLogs', () => wf.log.show(true)),
  ];
}
