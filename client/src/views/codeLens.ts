// CodeLens in a ModelArts config.json: "Send test request" over each apis entry, "Probe" over health.
import * as vscode from 'vscode';
import { t } from '../i18n';
import type { ModelFolders } from '../modelFolders';
import { lensTargets } from './lensTargets';

export function codeLenses(folders: ModelFolders): vscode.Disposable {
  const changed = new vscode.EventEmitter<void>();
  const provider: vscode.CodeLensProvider = {
    onDidChangeCodeLenses: changed.event,
    provideCodeLenses(doc) {
      if (doc.uri.scheme !== 'file' || !folders.folderOf(doc.uri.fsPath)?.configPath) return [];
      return lensTargets(doc.getText()).map((l) => {
        const range = new vscode.Range(doc.positionAt(l.offset), doc.positionAt(l.offset));
        return l.kind === 'api'
          ? new vscode.CodeLens(range, {
            title: `$(send) ${t('Send test request', '发送测试请求')} (${l.method} ${l.url})`,
            command: 'modelarts.sendTestRequest',
            arguments: [doc.uri, l.index],
          })
          : new vscode.CodeLens(range, { title: `$(pulse) ${t('Probe', '探测')} ${l.url}`, command: 'modelarts.probeHealth', arguments: [doc.uri] });
      });
    },
  };
  return vscode.Disposable.from(
    changed,
    folders.onDidChange(() => changed.fire()),
    vscode.languages.registerCodeLensProvider([{ scheme: 'file', pattern: '**/*.json' }], provider),
  );
}
