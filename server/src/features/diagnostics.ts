// Finding -> LSP Diagnostic: code, rule page link, severity, related information, localized message, and the
// fixes in `data` so a code action needs no server state (the client hands `data` back unchanged).
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { Finding, Lang, Severity } from '../../../core/types';
import { pick } from '../../../core/i18n';
import { ruleDocUri } from '../../../core/docs';

export const SOURCE = 'modelarts';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface FixData {
  title: string;
  isPreferred?: boolean;
  /**
   * Edits per target file URI; `version` is the open document's version the edit was computed on (null: the file
   * on disk, then `stamp` says what the file on disk was: its modification time and size, since LSP cannot version a
   * closed file).
   */
  edits: { uri: string; version: number | null; stamp?: string; range: Diagnostic['range']; newText: string }[];
}
export interface DiagnosticData { fixes: FixData[] }

export const fileUri = (file: string): string => pathToFileURL(file).href;

/** How the server names files to the client: the open document's own URI, else a file: URI. */
export interface UriHost {
  uriOf(file: string): string;
  /** The open document's version, or null for a file only on disk. */
  versionOf(file: string): number | null;
  /** What a closed file is on disk, its modification time and size (undefined when unreadable). */
  stampOf(file: string): string | undefined;
}

export function toDiagnostic(f: Finding, lang: Lang, host: UriHost): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: ruleDocUri(f.code, lang) },
    source: SOURCE,
    message: pick(f.message, lang),
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({ location: { uri: host.uriOf(r.file), range: r.range }, message: pick(r.message, lang) }));
  }
  if (f.fixes?.length) {
    const data: DiagnosticData = {
      fixes: f.fixes.map((fix) => ({
        title: pick(fix.title, lang),
        isPreferred: fix.isPreferred,
        edits: fix.edits.map((e) => {
          const version = host.versionOf(e.file);
          const stamp = version === null ? host.stampOf(e.file) : undefined;
          return { uri: host.uriOf(e.file), version, ...(stamp !== undefined ? { stamp } : {}), range: e.range, newText: e.newText };
        }),
      })),
    };
    d.data = data;
  }
  return d;
}
