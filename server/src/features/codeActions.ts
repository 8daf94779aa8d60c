// Quick fixes from the fixes a finding carries (Diagnostic.data). An edit may target another file than the one
// the diagnostic is on (a Dockerfile finding fixed in config.json), so each fix is a WorkspaceEdit of its own.
import {
  CodeActionKind,
  type CodeAction,
  type Diagnostic,
  type TextDocumentEdit,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-types';
import type { CodeActionParams } from 'vscode-languageserver';
import { SOURCE, type DiagnosticData, type FixData } from './diagnostics';

function isData(d: unknown): d is DiagnosticData {
  return !!d && typeof d === 'object' && Array.isArray((d as DiagnosticData).fixes);
}

/** Builds the edit; `documentChanges` (versioned, so a stale fix is refused by the client) when the client can. */
function toWorkspaceEdit(fix: FixData, documentChanges: boolean): WorkspaceEdit {
  const byUri = new Map<string, { version: number | null; edits: TextEdit[] }>();
  // (`stamp` stays on the server side: a client only knows versions.)
  for (const e of fix.edits) {
    const entry = byUri.get(e.uri) ?? { version: e.version, edits: [] };
    entry.edits.push({ range: e.range, newText: e.newText });
    byUri.set(e.uri, entry);
  }
  if (documentChanges) {
    const changes: TextDocumentEdit[] = [...byUri].map(([uri, { version, edits }]) => ({ textDocument: { uri, version }, edits }));
    return { documentChanges: changes };
  }
  return { changes: Object.fromEntries([...byUri].map(([uri, { edits }]) => [uri, edits])) };
}

/** Whether an edit was computed on the text its file has now (same open version, or same disk text). */
export type IsCurrent = (edit: FixData['edits'][number]) => boolean;

/**
 * Quick fixes of our diagnostics. A fix computed on text that changed since (the user typed, or a first fix
 * edited the other file) is not offered: it would be misapplied. The new publish offers it again, recomputed.
 */
export function codeActions(params: CodeActionParams, documentChanges: boolean, isCurrent: IsCurrent = () => true): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
  const out: CodeAction[] = [];
  for (const diag of params.context.diagnostics as Diagnostic[]) {
    if (diag.source !== SOURCE || !isData(diag.data)) continue;
    for (const fix of diag.data.fixes) {
      if (!fix.edits.every(isCurrent)) continue;
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: [diag],
        isPreferred: fix.isPreferred,
        edit: toWorkspaceEdit(fix, documentChanges),
      });
    }
  }
  return out;
}
