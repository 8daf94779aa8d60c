// A quick fix on a Dockerfile finding may edit another file (app.py, run.sh). VS Code applies such an edit to a
// hidden, unsaved buffer when that file is not shown: the change is easy to miss and never saved. So a fix that
// edits a file no editor shows also opens it beside the current one (focus stays where the user is).
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { t } from './i18n';

const shown = (uri: vscode.Uri): boolean => vscode.window.visibleTextEditors.some((e) => e.document.uri.toString() === uri.toString());

/** The first file a fix edits that is neither the document it was asked on nor shown in an editor. */
function hiddenTarget(action: vscode.CodeAction, doc: vscode.TextDocument): vscode.Uri | undefined {
  for (const [uri] of action.edit?.entries() ?? []) if (uri.toString() !== doc.uri.toString() && !shown(uri)) return uri;
  return undefined;
}

export const showEditedFiles: Middleware['provideCodeActions'] = async (document, range, context, token, next) => {
  const actions = await next(document, range, context, token);
  for (const a of actions ?? []) {
    if (!(a instanceof vscode.CodeAction) || a.command) continue;
    const uri = hiddenTarget(a, document);
    if (!uri) continue;
    const show = { preview: true, preserveFocus: true, viewColumn: vscode.ViewColumn.Beside };
    a.command = { title: t('Show the edited file', '显示被修改的文件'), command: 'vscode.open', arguments: [uri, show] };
  }
  return actions;
};
