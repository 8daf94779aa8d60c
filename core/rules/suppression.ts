// In-file suppression for findings on a Dockerfile:
//   # modelarts-ignore MA201[,MA206]     on the line(s) just above the instruction
//   # modelarts-ignore-file MA212        anywhere in the file
//   # hadolint ignore=MA201,DL3025       hadolint's pragma, above the instruction
// The `modelarts.rules` setting ('off') is applied by check.ts before this.
import type { RawFinding } from '../types';
import { L } from '../i18n';
import type { ProjectContext } from '../context';
import type { DockerfileDoc } from '../parse/dockerfile';

interface Index { file: Set<string>; byLine: Map<number, Set<string>>; lines: string[]; instrStart: (line: number) => number }
const cache = new WeakMap<DockerfileDoc, Index>();

const codesOf = (s: string): string[] => s.split(/[\s,]+/).map((c) => c.trim().toUpperCase()).filter((c) => /^[A-Z]+\d+$/.test(c));

function index(d: DockerfileDoc): Index {
  let ix = cache.get(d);
  if (ix) return ix;
  const lines = d.text.split('\n');
  const file = new Set<string>();
  const byLine = new Map<number, Set<string>>();
  lines.forEach((l, i) => {
    const m = /^\s*#\s*(modelarts-ignore-file|modelarts-ignore|hadolint\s+ignore\s*=)\s*(.*)$/i.exec(l);
    if (!m) return;
    const codes = codesOf(m[2].replace(/#.*$/, ''));
    if (/-file$/i.test(m[1])) codes.forEach((c) => file.add(c));
    else byLine.set(i, new Set(codes));
  });
  // First line of the instruction containing a line (a finding may sit on a continuation line).
  const starts = d.ast.getInstructions().map((i) => [i.getRange().start.line, i.getRange().end.line] as const);
  const instrStart = (line: number): number => {
    let lo = 0, hi = starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (starts[mid][0] > line) hi = mid - 1;
      else if (starts[mid][1] < line) lo = mid + 1;
      else return starts[mid][0];
    }
    return line;
  };
  ix = { file, byLine, lines, instrStart };
  cache.set(d, ix);
  return ix;
}

export function isSuppressed(f: RawFinding, ctx: ProjectContext): boolean {
  const d = ctx.dockerfile;
  if (!d || f.file !== d.file) return false;
  const ix = index(d);
  if (ix.file.has(f.code)) return true;
  // Every comment line directly above the instruction counts (several pragmas may stack).
  for (let l = ix.instrStart(f.range.start.line) - 1; l >= 0 && /^\s*#/.test(ix.lines[l]); l--) {
    if (ix.byLine.get(l)?.has(f.code)) return true;
  }
  return false;
}

/** Adds the "suppress here" fix: `# modelarts-ignore CODE` on a new line above the instruction. */
export function withSuppressFix(f: RawFinding, ctx: ProjectContext): RawFinding {
  const d = ctx.dockerfile;
  // An unreadable (binary, not UTF-8) Dockerfile cannot carry a comment that would be read.
  if (!d || f.file !== d.file || d.unreadable) return f;
  const line = index(d).instrStart(f.range.start.line);
  const indent = /^\s*/.exec(index(d).lines[line] ?? '')![0];
  const edit = { file: d.file, range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# modelarts-ignore ${f.code}\n` };
  return { ...f, fixes: [...(f.fixes ?? []), { title: L(`Suppress ${f.code} here`, `在此处忽略 ${f.code}`), edits: [edit] }] };
}
