// Workspace trust: diagnostics run everywhere (the server only reads files), but building or running an image
// executes the workspace's Dockerfile and code, so those commands need a trusted workspace.
import * as vscode from 'vscode';
import { t } from './i18n';

export async function requireTrust(): Promise<boolean> {
  if (vscode.workspace.isTrusted) return true;
  const manage = t('Manage Workspace Trust', '管理工作区信任');
  const pick = await vscode.window.showWarningMessage(
    t('ModelArts builds, runs and tests images only in a trusted workspace: they run the folder\'s Dockerfile and code. ' +
      'Checks of config.json and the Dockerfile still work.',
      'ModelArts 只在受信任的工作区中构建、运行和测试镜像（会执行该文件夹中的 Dockerfile 和代码）。config.json 和 Dockerfile 的检查仍然有效。'),
    manage,
  );
  if (pick === manage) await vscode.commands.executeCommand('workbench.trust.manage');
  return false;
}
