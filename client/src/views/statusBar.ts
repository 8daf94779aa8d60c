// One status bar item: the container state and its local URL; a click offers what can be done next.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { t } from '../i18n';
import type { Live, Workflow } from '../workflow';

const ICON: Record<Live['state'], string> = { starting: '$(loading~spin)', healthy: '$(vm-running)', unhealthy: '$(warning)', exited: '$(error)' };

export function statusBar(wf: Workflow): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('modelarts.container', vscode.StatusBarAlignment.Left, 50);
  item.name = 'ModelArts';
  item.command = 'modelarts.statusActions';
  const update = (live?: Live) => {
    const current = live ?? [...wf.live.values()].pop();
    if (!current) {
      item.text = '$(package) ModelArts';
      item.tooltip = t('ModelArts: no container running. Click for actions.', 'ModelArts：没有运行中的容器。点击查看操作。');
    } else {
      const name = path.basename(current.folder.dir);
      const state = {
        starting: t('starting', '启动中'),
        healthy: t('healthy', '健康'),
        unhealthy: t('unhealthy', '不健康'),
        exited: t('exited', '已退出'),
      }[current.state];
      item.text = `${ICON[current.state]} ModelArts: ${name} ${current.url}`;
      item.tooltip = new vscode.MarkdownString(`**${name}** — ${state}\n\n${current.url}\n\n${t('Image', '镜像')}: \`${current.image}\``);
    }
    item.show();
  };
  const actions = vscode.commands.registerCommand('modelarts.statusActions', async () => {
    const live = [...wf.live.values()].pop();
    const onLive = (command: string) => () => vscode.commands.executeCommand(command, vscode.Uri.file(live!.folder.dir));
    const items: (vscode.QuickPickItem & { run: () => unknown })[] = live
      ? [
          { label: `$(link-external) ${t('Open', '打开')} ${live.url}`, run: () => vscode.env.openExternal(vscode.Uri.parse(live.url)) },
          { label: `$(pulse) ${t('Probe Health', '探测健康检查')}`, run: onLive('modelarts.probeHealth') },
          { label: `$(send) ${t('Send Test Request', '发送测试请求')}`, run: onLive('modelarts.sendTestRequest') },
          { label: `$(debug-stop) ${t('Stop Container', '停止容器')}`, run: onLive('modelarts.stopContainer') },
        ]
      : [
          { label: `$(beaker) ${t('Build and Test', '构建并测试')}`, run: () => vscode.commands.executeCommand('modelarts.buildAndTest') },
          { label: `$(play) ${t('Run Container', '运行容器')}`, run: () => vscode.commands.executeCommand('modelarts.runContainer') },
        ];
    items.push({ label: `$(output) ${t('Show Logs', '显示日志')}`, run: () => wf.log.show(true) });
    const pick = await vscode.window.showQuickPick(items, { placeHolder: 'ModelArts' });
    await pick?.run();
  });
  update();
  const sub = wf.onDidChange(update);
  return vscode.Disposable.from(item, actions, sub);
}
