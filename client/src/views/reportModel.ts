// A conformance Report as Test Explorer results: one result per check in the UI language, a failure's message and
// where in the Dockerfile or config.json it points, and which failure came first (the cause of those after it).
// Which checks there are is the engine's (engine/steps). Pure (no vscode) so it is unit-tested without a window.
import * as path from 'node:path';
import type { Finding, Lang, Range } from '../../../core/types';
import { L, pick } from '../../../core/i18n';
import type { Check, Report } from '../../../engine/report';
import { shownCheck } from '../../../engine/reportText';

export interface CheckResult {
  id: string;
  label: string;
  /** A warning (MA410 by default) passes, as it does not fail the run; an error fails. */
  state: 'passed' | 'failed' | 'skipped';
  durationMs: number;
  /** One line, whole: the code and the check's line (the failure, warning or skip reason). */
  message: string;
  /** A check that passed with a warning (MA410): Test Explorer shows it passed, with this line in its output. */
  warning?: string;
  /** The long text: the finding's whole message, then the details (log lines, the answer, the layer table). */
  body: string[];
  /** The first failure in run order: the likely cause of the failures after it. */
  cause?: boolean;
  location?: { file: string; range: Range };
}

const AFTER = (label: string) => L(`It may follow from the first failure: ${label}.`, `可能由第一个未通过的检查引起：${label}。`);

/** The Test Explorer's results of a run, in run order. */
export function checkResults(report: Report, lang: Lang): CheckResult[] {
  // The engine emits one finding per failing check with a code, in check order: pair them up in that order.
  const unused: Finding[] = [...report.findings];
  const takeFinding = (code?: string): Finding | undefined => {
    if (!code) return undefined;
    const i = unused.findIndex((f) => f.code === code);
    return i >= 0 ? unused.splice(i, 1)[0] : undefined;
  };
  let first: string | undefined;
  return report.checks.map((check: Check) => {
    const c = shownCheck(check, lang);
    const f = c.status === 'fail' || c.status === 'warn' ? takeFinding(c.code) : undefined;
    const location = c.location
      ? { file: c.location.file, range: { start: { line: c.location.line - 1, character: 0 }, end: { line: c.location.line - 1, character: 0 } } }
      : f && path.isAbsolute(f.file) && f.file !== report.folder ? { file: f.file, range: f.range } : undefined;
    const message = `${c.code ? `${c.code}: ` : ''}${c.message}`;
    const cause = c.status === 'fail' && first === undefined;
    const after = c.status === 'fail' && !cause ? [pick(AFTER(first!), lang)] : [];
    if (cause) first = c.title;
    return {
      id: c.id,
      label: c.title,
      state: c.status === 'pass' || c.status === 'warn' ? 'passed' : c.status === 'fail' ? 'failed' : 'skipped',
      durationMs: c.durationMs,
      message,
      ...(c.status === 'warn' ? { warning: message } : {}),
      body: [...after, ...(f ? [pick(f.message, lang)] : []), ...(c.details ?? [])],
      ...(cause ? { cause } : {}),
      location,
    };
  });
}

