// Open Rule Documentation: the pages shipped in docs/rules/<CODE>.md (English) and docs/rules/zh-cn/<CODE>.md, in
// the UI language, picked by code and title (read from the page's first heading), or the code under the cursor's
// diagnostic when there is one.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { ruleDocPath } from '../../../core/docs';
import { lang, t } from '../i18n';

function ruleTitles(docsDir: string): { code: string; title: string }[] {
  let names: string[];
  try { names = fs.readdirSync(docsDir).filter((n) => /^MA\d{3}\.md$/.test(n)).sort(); } catch { return []; }
  return names.map((n) => {
    const code = n.slice(0, -3);
    const head = fs.readFileSync(ruleDocPath(code, lang()), 'utf8').split('\n').find((l) => l.startsWith('#')) ?? '';
    return { code, title: head.replace(/^#+\s*/, '').replace(/^MA\d{3}\s*[—:：-]?\s*/, '') };
  });
}

/** A rule code as a diagnostic shows it, linked to its page in the UI language (the Test Explorer's findings). */
export const ruleDocCode = (code: string): vscode.Diagnostic['code'] => ({ value: code, target: vscode.Uri.file(ruleDocPath(code, lang())) });

const codeOf = (d: vscode.Diagnostic): string => String(typeof d.code === 'object' ? d.code.value : d.code);

function codeAtCursor(): string | undefined {
  const ed = vscode.window.activeTextEditor;
  if (!ed) return undefined;
  const d = vscode.languages.getDiagnostics(ed.document.uri).find((x) => x.range.contains(ed.selection.active) && /^MA\d{3}$/.test(codeOf(x)));
  return d ? codeOf(d) : undefined;
}

export function ruleDocCommand(context: vscode.ExtensionContext): vscode.Disposable {
  return vscode.commands.registerCommand('modelarts.openRuleDoc', async (code?: unknown) => {
    const docsDir = context.asAbsolutePath(path.join('docs', 'rules'));
    const rules = ruleTitles(docsDir);
    let chosen = typeof code === 'string' && /^MA\d{3}$/.test(code) ? code : undefined;
    if (!chosen) {
      const here = codeAtCursor();
      const items = rules.map((r) => ({ label: r.code, description: r.title, picked: r.code === here }));
      if (here) items.sort((a, b) => (a.label === here ? -1 : b.label === here ? 1 : 0));
      chosen = (await vscode.window.showQuickPick(items, { placeHolder: t('Which rule?', '哪条规则？'), matchOnDescription: true }))?.label;
    }
    if (!chosen) return;
    const file = ruleDocPath(chosen, lang());
    if (!fs.existsSync(file)) {
      void vscode.window.showErrorMessage(t(`No documentation page for ${chosen}.`, `没有 ${chosen} 的文档页面。`));
      return;
    }
    await vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.file(file));
  });
}
