// A conformance Report as Test Explorer results: one result per check, a failure's message and where in the
// Dockerfile or config.json it points. Which checks there are is the engine's (engine/steps). Pure (no vscode) so it
// is unit-tested without a window.
import * as path from 'node:path';
import type { Finding, Lang, Localized, Range } from '../../../core/types';
import { pick } from '../../../core/i18n';
import type { Check, Report } from '../../../engine/report';

export interface CheckResult {
  id: string;
  label: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  /** The failure, warning or skip reason, in the UI language where the engine gives one. */
  message: string;
  /** A check that passed with a warning (MA410): Test Explorer shows it passed, with this line in its output. */
  warning?: string;
  details: string[];
  location?: { file: string; range: Range };
}

/**
 * The Test Explorer's results of a run. `titles`: the steps' titles by check id (engine/steps), so a check is
 * labelled in the UI language; a check without one keeps the report's (English) title.
 */
export function checkResults(report: Report, lang: Lang, titles: ReadonlyMap<string, Localized> = new Map()): CheckResult[] {
  // The engine emits one finding per failing check with a code, in check order: pair them up in that order.
  const unused: Finding[] = [...report.findings];
  const takeFinding = (code?: string): Finding | undefined => {
    if (!code) return undefined;
    const i = unused.findIndex((f) => f.code === code);
    return i >= 0 ? unused.splice(i, 1)[0] : undefined;
  };
  return report.checks.map((c: Check) => {
    const f = c.status === 'fail' || c.status === 'warn' ? takeFinding(c.code) : undefined;
    const location = c.location
      ? { file: c.location.file, range: { start: { line: c.location.line - 1, character: 0 }, end: { line: c.location.line - 1, character: 0 } } }
      : f && path.isAbsolute(f.file) && f.file !== report.folder ? { file: f.file, range: f.range } : undefined;
    const head = c.code ? `${c.code}: ` : '';
    const message = f ? `${head}${pick(f.message, lang)}` : `${head}${c.message}`;
    return {
      id: c.id,
      label: titles.has(c.id) ? pick(titles.get(c.id)!, lang) : c.title,
      state: c.status === 'pass' || c.status === 'warn' ? 'passed' : c.status === 'fail' ? 'failed' : 'skipped',
      durationMs: c.durationMs,
      message,
      ...(c.status === 'warn' ? { warning: message } : {}),
      details: c.details ?? [],
      location,
    };
  });
}
