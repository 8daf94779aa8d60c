// Extension entry: the language client (diagnostics, quick fixes, completion) and the build-run-test workflow —
// commands (Push Image to SWR among them), Test Explorer, CodeLens, status bar. Every container this window started is removed on deactivate.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { startLanguageClient } from './languageClient';
import { containerCommands } from './commands/container';
import { pushCommand } from './commands/push';
import { requestCommand } from './commands/request';
import { ruleDocCommand } from './commands/ruleDoc';
import { scaffoldCommand } from './commands/scaffold';
import { e2eReport } from './e2eReport';
import { ModelFolders } from './modelFolders';
import { requireTrust } from './trust';
import { codeLenses } from './views/codeLens';
import { statusBar } from './views/statusBar';
import { ConformanceTests } from './views/testing';
import { Workflow } from './workflow';
import { t } from './i18n';

let client: LanguageClient | undefined;
let workflow: Workflow | undefined;
let conformance: ConformanceTests | undefined;

export function activate(context: vscode.ExtensionContext): void {
  client = startLanguageClient(context);
  const folders = new ModelFolders();
  const wf = (workflow = new Workflow());
  const tests = (conformance = new ConformanceTests(folders, wf));
  context.subscriptions.push(
    folders, wf, tests,
    statusBar(wf),
    codeLenses(folders),
    ...containerCommands(folders, wf),
    requestCommand(folders, wf),
    pushCommand(context, folders, wf),
    scaffoldCommand(context, (dir) => folders.refresh(dir)),
    ruleDocCommand(context),
    vscode.commands.registerCommand('modelarts.buildAndTest', async (arg?: unknown) => {
      if (!(await requireTrust())) return;
      const f = await folders.resolve(arg);
      if (!f) return;
      void vscode.commands.executeCommand('setContext', 'modelarts.walkthrough.tested', true);
      if (!f.dockerfilePath) {
        void vscode.window.showErrorMessage(t(`${f.dir}: no Dockerfile to build.`, `${f.dir}：没有可构建的 Dockerfile。`));
        return;
      }
      await tests.runFolder(f);
    }),
    ...e2eReport(folders, tests),
  );
}

export async function deactivate(): Promise<void> {
  const c = client;
  client = undefined;
  const wf = workflow;
  const tests = conformance;
  workflow = undefined;
  conformance = undefined;
  await Promise.all([c?.stop(), wf?.disposeAll(), tests?.stopAll()]);
}
