// New Model Image Project: an online or batch model folder from the snippets — config.json, Dockerfile, a small
// server (and run.sh) — that checks clean; then the config opens. The walkthrough's steps tick on context keys
// (modelarts.walkthrough.*): a command the extension runs itself (the toast's button) is no workbench onCommand event.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { t } from '../i18n';
import type { ServiceKind } from '../../../core/types';
import { scaffoldFiles, freeFolderName } from '../scaffoldFiles';

export function scaffoldCommand(context: vscode.ExtensionContext, created: (dir: string) => void): vscode.Disposable {
  return vscode.commands.registerCommand('modelarts.newProject', async (arg?: unknown) => {
    const kind = (await vscode.window.showQuickPick(
      [
        {
          label: t('Online service', '在线服务'),
          description: t('real-time inference over HTTP on port 8080', '通过 8080 端口 HTTP 实时推理'),
          service: 'online' as ServiceKind,
        },
        {
          label: t('Batch service', '批量服务'),
          description: t('started by /bin/sh /home/run.sh; python, JRE and zip installed', '由 /bin/sh /home/run.sh 启动；安装 python、JRE 和 zip'),
          service: 'batch' as ServiceKind,
        },
      ],
      // Two prompts in a row: a page that takes focus meanwhile (the walkthrough's, as it loads) must not cancel them.
      { placeHolder: t('What kind of ModelArts service?', '哪种 ModelArts 服务？'), ignoreFocusOut: true },
    ))?.service;
    if (!kind) return;
    const isFolder = arg instanceof vscode.Uri && arg.scheme === 'file' && fs.existsSync(arg.fsPath) && fs.statSync(arg.fsPath).isDirectory();
    let parent = isFolder ? (arg as vscode.Uri).fsPath : vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
    if (!parent) {
      const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, openLabel: t('Create here', '在此创建') });
      parent = picked?.[0]?.fsPath;
      if (!parent) return;
    }
    const base = parent;
    const name = await vscode.window.showInputBox({
      prompt: t(`New folder in ${base}`, `在 ${base} 中新建文件夹`),
      // A name that is free, so the proposal is never refused as it stands.
      value: freeFolderName(base, kind),
      ignoreFocusOut: true,
      validateInput: (v) => !/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(v) ? t('Letters, digits, ".", "_" and "-" only.', '只能使用字母、数字、"."、"_" 和 "-"。')
        : fs.existsSync(path.join(base, v)) ? t('That folder exists already.', '该文件夹已存在。') : undefined,
    });
    if (!name) return;
    const dir = path.join(base, name);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of scaffoldFiles(context.asAbsolutePath('snippets'), kind)) fs.writeFileSync(path.join(dir, f.name), f.text, { mode: f.mode ?? 0o644 });
    created(dir);
    void vscode.commands.executeCommand('setContext', 'modelarts.walkthrough.created', true);
    await vscode.window.showTextDocument(vscode.Uri.file(path.join(dir, 'config.json')));
    const test = t('Build and Test', '构建并测试');
    const pick = await vscode.window.showInformationMessage(t(
      `Created ${name}: config.json, Dockerfile and server.py. Edit them, then Build and Test (about a minute the first time).`,
      `已创建 ${name}：config.json、Dockerfile 和 server.py。编辑后即可构建并测试（首次约需一分钟）。`,
    ), test);
    if (pick === test) await vscode.commands.executeCommand('modelarts.buildAndTest', vscode.Uri.file(dir));
  });
}
