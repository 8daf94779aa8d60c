// Reports as people and CI read them: a text summary (one line per check with ✔/✘, reason, timing and the
// lines that matter) and JUnit XML. No vscode: the CLI prints these, the extension can show the text too.
import { formatBytes, formatSeconds as sec, seconds } from '../core/units';
import type { Check, Report } from './report';
import { describeRunAs, gpuLine } from './steps/user';

/** Where the service port came from (core/deployment.ts `portFrom`). */
const PORT_FROM = {
  override: '--port / setting', deploy: 'modelarts-deploy.json', default: "the console's default", profile: 'seed-2021: always 8080',
} as const;

const MARK = { pass: '✔', warn: '⚠', fail: '✘', skip: '–' } as const;

export function formatReportText(r: Report, color = false): string {
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out: string[] = [];
  out.push(`ModelArts conformance test: ${r.folder}`);
  if (r.image || r.engine) out.push(`  image ${r.image ?? '?'} · ${r.serviceKind} service · engine ${r.engine ?? '?'}`);
  if (r.port) out.push(`  port ${r.port.port} (${PORT_FROM[r.port.from]})`);
  if (r.runAs) {
    const gpu = gpuLine(r.runAs.gpus, r.runAs.cudaBase);
    out.push(`  runs as ${describeRunAs(r.runAs)}${r.runAs.memoryBytes ? ` · memory limit ${formatBytes(r.runAs.memoryBytes)}` : ''}${gpu ? ` · ${gpu}` : ''}`);
  }
  const width = Math.max(10, ...r.checks.map((c) => c.title.length));
  for (const c of r.checks) out.push(...checkLines(c, width, paint));
  const n = (s: Check['status']) => r.checks.filter((c) => c.status === s).length;
  const verdict = r.passed ? paint(32, 'PASSED') : paint(31, 'FAILED');
  const t = r.timings;
  out.push('');
  const warned = n('warn') ? `, ${n('warn')} warning${n('warn') > 1 ? 's' : ''}` : '';
  out.push(`${verdict}: ${n('pass')} passed${warned}, ${n('fail')} failed, ${n('skip')} skipped in ${sec(t.total ?? 0)}` +
    (t.serving !== undefined
      ? ` (build ${sec(t.build ?? 0)}, container start to first answer ${sec(t.serving)}, stop ${sec(t.stop ?? 0)}, `
        + `the kit's own time ${sec(t.overhead ?? 0)})`
      : ''));
  const kept = r.kept?.containerId.slice(0, 12);
  if (r.kept) out.push(`Kept running: ${r.kept.url} (container ${kept}; remove it with docker rm -f ${kept})`);
  return out.join('\n') + '\n';
}

/** One check as report lines: mark, title, time, message, and (when it failed or warned) its details. */
export function checkLines(c: Check, width: number, paint: (code: number, s: string) => string): string[] {
  const mark = paint({ pass: 32, warn: 33, fail: 31, skip: 90 }[c.status], MARK[c.status]);
  const time = c.status === 'skip' ? ''.padStart(7) : sec(c.durationMs).padStart(7);
  const msg = (c.code ? `${c.code} ` : '') + (c.status === 'skip' ? `skipped: ${c.message}` : c.status === 'warn' ? `warning: ${c.message}` : c.message);
  const lines = [`  ${mark} ${c.title.padEnd(width)} ${time}  ${msg}`];
  if (c.location) lines.push(`      at ${c.location.file}:${c.location.line}`);
  // Details matter when something failed; for passes only the layer table (size) is worth a glance.
  const show = c.status === 'fail' || c.status === 'warn' ? c.details ?? [] : c.id === 'size' ? (c.details ?? []).slice(0, 3) : [];
  for (const d of show) for (const l of d.split('\n').slice(0, 20)) lines.push(paint(90, `      │ ${l.length > 200 ? l.slice(0, 200) + '…' : l}`));
  return lines;
}

const ENTITIES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' };
/** XML 1.0 allows no control character but tab, newline and carriage return: those are dropped. */
const allowedInXml = (ch: string) => ch >= ' ' || ch === '\t' || ch === '\n' || ch === '\r';
const xml = (s: string) => [...s.replace(/[<>&"']/g, (ch) => ENTITIES[ch])].filter(allowedInXml).join('');

export function formatReportJunit(r: Report): string {
  const fails = r.checks.filter((c) => c.status === 'fail').length;
  const skips = r.checks.filter((c) => c.status === 'skip').length;
  const cases = r.checks.map((c) => {
    const head = `    <testcase classname="modelarts.conformance" name="${xml(c.title)}" time="${seconds(c.durationMs, 3)}">`;
    if (c.status === 'pass') return `${head}</testcase>`;
    if (c.status === 'skip') return `${head}<skipped message="${xml(c.message)}"/></testcase>`;
    // JUnit has no warning: a passed case whose output says it (CI shows it beside the case, the run stays green).
    if (c.status === 'warn') return `${head}\n      <system-out>${xml(`warning ${c.code ?? ''}: ${c.message}`)}</system-out>\n    </testcase>`;
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
