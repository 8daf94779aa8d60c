// Engine errors that say what to do: no engine -> start one or set modelarts.dockerHost; details in the log.
import * as vscode from 'vscode';
import { EngineUnavailableError } from '../../engine/connect';
import { EngineRefusedError } from '../../engine/report';
import { t, tl } from './i18n';

export async function showEngineError(e: unknown, log: vscode.LogOutputChannel): Promise<void> {
  const settings = t('Open Settings', '打开设置');
  const logs = t('Show Logs', '显示日志');
  if (e instanceof EngineUnavailableError) {
    log.error(e.message);
    const pick = await vscode.window.showErrorMessage(
      t(`No Docker engine answers (${e.tried.length} places tried, listed in the log). `, `没有可用的 Docker 引擎（已尝试 ${e.tried.length} 处，详见日志）。`) +
        tl(e.hint) + t(' Or set "modelarts.dockerHost" in your user settings.', ' 也可以在用户设置中设置 "modelarts.dockerHost"。'),
      settings, logs,
    );
    if (pick === settings) await vscode.commands.executeCommand('workbench.action.openSettings', 'modelarts.dockerHost');
    if (pick === logs) log.show(true);
    return;
  }
  const msg = e instanceof EngineRefusedError ? tl(e.text) : e instanceof Error ? e.message : String(e);
  log.error(msg);
  const pick = await vscode.window.showErrorMessage(t(`ModelArts: ${msg.split('\n')[0]}`, `ModelArts：${msg.split('\n')[0]}`), logs);
  if (pick === logs) log.show(true);
}
