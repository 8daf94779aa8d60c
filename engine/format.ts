// Reports as people and CI read them, in English or Chinese: a text summary (one line per check with ✔/✘, reason,
// timing and the lines that matter) and JUnit XML. No vscode: the CLI prints these, the extension's Output channel too.
import { formatBytes, formatSeconds as sec, seconds } from '../core/units';
import { pick } from '../core/i18n';
import type { Lang, Localized } from '../core/types';
import type { Check, Report, ShownCheck } from './report';
import { describeRunAs, gpuLine } from './steps/user';
import { displayWidth, padTo, shownCheck, shownReport, WORDS } from './reportText';

const MARK = { pass: '✔', warn: '⚠', fail: '✘', skip: '–' } as const;

/** The report as text in `lang`: the header, a line per check, the verdict with its counts and timings. */
export function formatReportText(r: Report, color = false, lang: Lang = 'en'): string {
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const w = (l: Localized) => pick(l, lang);
  const out: string[] = [w(WORDS.head(r.folder))];
  if (r.image || r.engine) out.push(`  ${w(WORDS.image(r.image ?? '?', r.serviceKind, r.engine ?? '?'))}`);
  if (r.port) out.push(`  ${w(WORDS.port(r.port.port, r.port.from))}`);
  if (r.runAs) {
    const gpu = gpuLine(r.runAs.gpus, r.runAs.cudaBase);
    const memory = r.runAs.memoryBytes ? [WORDS.memory(formatBytes(r.runAs.memoryBytes))] : [];
    const parts = [WORDS.runsAs(describeRunAs(r.runAs)), ...memory, ...(gpu ? [gpu] : [])];
    out.push(`  ${parts.map(w).join(' · ')}`);
  }
  const checks = r.checks.map((c) => shownCheck(c, lang));
  const width = Math.max(10, ...checks.map((c) => displayWidth(c.title)));
  for (const c of checks) out.push(...checkLines(c, width, paint, lang));
  out.push('', summaryLine(r, lang, paint));
  const kept = r.kept?.containerId.slice(0, 12);
  if (r.kept) out.push(w(WORDS.kept(r.kept.url, kept!)));
  return out.join('\n') + '\n';
}

/** "PASSED: 9 passed, 0 failed, 1 skipped in 1.1 s (build …)", in `lang`. */
function summaryLine(r: Report, lang: Lang, paint: (code: number, s: string) => string = (_c, s) => s): string {
  const n = (s: Check['status']) => r.checks.filter((c) => c.status === s).length;
  const verdict = r.passed ? paint(32, pick(WORDS.passed, lang)) : paint(31, pick(WORDS.failed, lang));
  const t = r.timings;
  const counts = pick(WORDS.counts({ pass: n('pass'), warn: n('warn'), fail: n('fail'), skip: n('skip') }, sec(t.total ?? 0)), lang);
  const timings = t.serving !== undefined ? pick(WORDS.timings(sec(t.build ?? 0), sec(t.serving), sec(t.stop ?? 0), sec(t.overhead ?? 0)), lang) : '';
  return `${verdict}${lang === 'zh-cn' ? '：' : ': '}${counts}${timings}`;
}

/** One check as report lines: mark, title, time, message, and (when it failed or warned) its details. */
export function checkLines(c: ShownCheck, width: number, paint: (code: number, s: string) => string, lang: Lang = 'en'): string[] {
  const mark = paint({ pass: 32, warn: 33, fail: 31, skip: 90 }[c.status], MARK[c.status]);
  const time = c.status === 'skip' ? ''.padStart(7) : sec(c.durationMs).padStart(7);
  const label = c.status === 'skip' ? pick(WORDS.skipped, lang) : c.status === 'warn' ? pick(WORDS.warning, lang) : '';
  const msg = (c.code ? `${c.code} ` : '') + label + c.message;
  const lines = [`  ${mark} ${padTo(c.title, width)} ${time}  ${msg}`];
  if (c.location) lines.push(`      ${pick(WORDS.at(`${c.location.file}:${c.location.line}`), lang)}`);
  // Details matter when something failed; for passes only the layer table (size) is worth a glance.
  const show = c.status === 'fail' || c.status === 'warn' ? c.details ?? [] : c.id === 'size' ? (c.details ?? []).slice(0, 3) : [];
  for (const d of show) for (const l of d.split('\n').slice(0, 20)) lines.push(paint(90, `      │ ${l.length > 200 ? l.slice(0, 200) + '…' : l}`));
  return lines;
}

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
/** XML 1.0 allows no control character but tab, newline and carriage return: those are dropped. */
const allowedInXml = (ch: string) => ch >= ' ' || ch === '\t' || ch === '\n' || ch === '\r';
const xml = (s: string) => [...s.replace(/[<>&"']/g, (ch) => ENTITIES[ch])].filter(allowedInXml).join('');

export function formatReportJunit(report: Report, lang: Lang = 'en'): string {
  const r = shownReport(report, lang);
  const fails = r.checks.filter((c) => c.status === 'fail').length;
  const skips = r.checks.filter((c) => c.status === 'skip').length;
  const cases = r.checks.map((c) => {
    const head = `    <testcase classname="modelarts.conformance" name="${xml(c.title)}" time="${seconds(c.durationMs, 3)}">`;
    if (c.status === 'pass') return `${head}</testcase>`;
    if (c.status === 'skip') return `${head}<skipped message="${xml(c.message)}"/></testcase>`;
    // JUnit has no warning: a passed case whose output says it (CI shows it beside the case, the run stays green).
    const warning = `${pick(WORDS.warning, lang).replace(/[:：] ?$/, '')} ${c.code ?? ''}${lang === 'zh-cn' ? '：' : ': '}${c.message}`;
    if (c.status === 'warn') return `${head}\n      <system-out>${xml(warning)}</system-out>\n    </testcase>`;
    return `${head}\n      <failure type="${c.code ?? 'failure'}" message="${xml(c.message)}">${xml((c.details ?? []).join('\n'))}</failure>\n    </testcase>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites tests="${r.checks.length}" failures="${fails}" skipped="${skips}" time="${seconds(r.timings.total ?? 0, 3)}">`,
    `  <testsuite name="${xml(r.folder)}" tests="${r.checks.length}" failures="${fails}" skipped="${skips}" time="${seconds(r.timings.total ?? 0, 3)}">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
