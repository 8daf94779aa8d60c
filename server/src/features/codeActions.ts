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

type Lines = { start: { line: number }; end: { line: number } };
const near = (a: Lines, b: Lines): boolean => a.start.line - 1 <= b.end.line && b.start.line <= a.end.line + 1;

/**
 * Our syntax findings VS Code's JSON service shows instead (not published, see validation.ts), with the problems of
 * the request they are about: the request's range or another source's problem on the same line or the next one (the
 * JSON service reports a missing comma at the next value, we at the value before it).
 */
function aboutYielded(params: CodeActionParams, yielded: Diagnostic[]): { ours: Diagnostic; theirs: Diagnostic[] }[] {
  const foreign = (params.context.diagnostics as Diagnostic[]).filter((d) => d.source !== SOURCE);
  return yielded.flatMap((ours) => {
    const theirs = foreign.filter((d) => near(d.range, ours.range));
    return theirs.length || near(params.range, ours.range) ? [{ ours, theirs }] : [];
  });
}

/**
 * Quick fixes of our diagnostics, and of the syntax findings VS Code shows in their place. A fix computed on text
 * that changed since (the user typed, or a first fix edited the other file) is not offered: it would be misapplied.
 * The new publish offers it again, recomputed.
 */
export function codeActions(params: CodeActionParams, documentChanges: boolean, isCurrent: IsCurrent = () => true, yielded: Diagnostic[] = []): CodeAction[] {
  const only = params.context.only;
  if (only && !only.some((k) => CodeActionKind.QuickFix.startsWith(k))) return [];
  const mine = (params.context.diagnostics as Diagnostic[]).filter((d) => d.source === SOURCE).map((d) => ({ ours: d, theirs: [d] }));
  const out: CodeAction[] = [];
  for (const { ours, theirs } of [...mine, ...aboutYielded(params, yielded)]) {
    if (!isData(ours.data)) continue;
    for (const fix of ours.data.fixes) {
      if (!fix.edits.every(isCurrent)) continue;
      out.push({
        title: fix.title,
        kind: CodeActionKind.QuickFix,
        diagnostics: theirs,
        isPreferred: fix.isPreferred,
        edit: toWorkspaceEdit(fix, documentChanges),
      });
    }
  }
  return out;
}
