// The shell text Docker hands to the shell for a RUN / shell-form CMD / ENTRYPOINT, with a map back to the file.
// Joined exactly as the Dockerfile parser does it: escape + blanks + newline is removed (no space put in), comment
// lines and empty lines inside a continuation are dropped, `\r` before a newline goes, leading `--flag` words of RUN
// are not part of the command. Heredoc bodies follow the first logical line verbatim. `image.ts` has its own join
// (cleanText) that puts a space at each continuation: its word offsets are what the other rules use.
import type { Heredoc, Instruction } from 'dockerfile-ast';
import type { ImageModel } from '../../analysis/image';

interface ShellText {
  text: string;
  /** Pairs (text index, file offset): text[t..] comes from file[f..] until the next pair. */
  segs: number[];
  /** File offset just past the instruction (for errors at the end of the text). */
  end: number;
  /** `RUN <<EOF` alone: the heredoc body is the script (not shell text with a heredoc in it). */
  bareHeredoc: boolean;
}

/** Appends file[s, e) to the text (whole slices: a per-character build costs more than the parse cache saves). */
function push(out: ShellText, src: string, s: number, e: number): void {
  if (e <= s) return;
  const n = out.segs.length;
  const contiguous = n > 0 && out.segs[n - 1] + (out.text.length - out.segs[n - 2]) === s;
  if (!contiguous) out.segs.push(out.text.length, s);
  out.text += src.slice(s, e);
}

const lineEnd = (src: string, i: number, e: number): number => { const n = src.indexOf('\n', i); return n < 0 || n > e ? e : n; };
/** End of a line's content: without the `\r` of a CRLF line. */
const contentEnd = (src: string, ls: number, le: number): number => (le > ls && src[le - 1] === '\r' ? le - 1 : le);

/** Joins one logical line starting at s (up to e) the way Docker joins continuation lines; returns where it ended. */
function joinLines(src: string, s: number, e: number, escape: string, out: ShellText): number {
  let ls = s;
  let first = true;
  while (ls < e) {
    const le = lineEnd(src, ls, e);
    let ce = contentEnd(src, ls, le);
    if (!first) {
      // Lines that are comments or empty inside a continuation are not part of the instruction.
      const t = src.slice(ls, ce).trimStart();
      if (t === '' || t[0] === '#') { ls = le + 1; continue; }
    }
    first = false;
    let k = ce;
    while (k > ls && (src[k - 1] === ' ' || src[k - 1] === '\t')) k--;
    const continued = k > ls && src[k - 1] === escape;
    if (continued) ce = k - 1;
    push(out, src, ls, ce);
    if (!continued) return le;
    ls = le + 1;
  }
  return e;
}

/** Appends file[s, e) verbatim (heredoc bodies), without the `\r` of CRLF lines. */
function verbatim(src: string, s: number, e: number, out: ShellText): void {
  for (let ls = s; ls < e;) {
    const le = lineEnd(src, ls, e);
    push(out, src, ls, contentEnd(src, ls, le));
    if (le < e) push(out, src, le, le + 1);
    ls = le + 1;
  }
}

/** Drops leading `--mount=...`, `--network=...` words (BuildKit options, not shell). */
function dropFlags(out: ShellText): void {
  const m = /^(?:\s*--[A-Za-z][\w-]*(?:=\S*)?(?=\s))*\s*/.exec(out.text);
  const n = m ? m[0].length : 0;
  if (!n) return;
  const f = fileOffset(out, n);
  out.text = out.text.slice(n);
  const segs: number[] = [0, f];
  for (let i = 0; i < out.segs.length; i += 2) if (out.segs[i] > n) segs.push(out.segs[i] - n, out.segs[i + 1]);
  out.segs = segs;
}

/** File offset of text[i] (i < text.length). */
function fileOffset(t: ShellText, i: number): number {
  let lo = 0, hi = t.segs.length / 2 - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (t.segs[mid * 2] <= i) lo = mid;
    else hi = mid - 1;
  }
  return t.segs[lo * 2 + 1] + (i - t.segs[lo * 2]);
}

/** True when the text is the exec (JSON) form: a JSON array of strings, not shell. */
export function isExecForm(t: ShellText): boolean {
  const j = t.text.trim();
  if (!j.startsWith('[')) return false;
  try {
    const v: unknown = JSON.parse(j);
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}

export function shellText(m: ImageModel, ins: Instruction, isRun: boolean): ShellText | undefined {
  // From the end of the keyword (the blanks after it are harmless to the shell): dockerfile-ast's argument
  // accessors re-read the instruction on every call and cost more than the cached parse.
  const src = m.doc.text;
  const escape = m.doc.ast.getEscapeCharacter();
  const s = m.offsetOf(ins.getInstructionRange().end), e = m.offsetOf(ins.getRange().end);
  const out: ShellText = { text: '', segs: [], end: e, bareHeredoc: false };
  const head = joinLines(src, s, e, escape, out);
  if (isRun) dropFlags(out);
  if (head >= e || !out.text.includes('<<')) return out;
  const heredocs = (ins as unknown as { getHeredocs?(): Heredoc[] }).getHeredocs?.() ?? [];
  if (!heredocs.length) return out;
  out.bareHeredoc = heredocs.length === 1 && /^\s*<<-?(["']?)[\w.-]+\1\s*$/.test(out.text);
  if (out.bareHeredoc) {
    // The body alone is the script: what lies between the heredoc line and its delimiter line.
    const cr = heredocs[0].getContentRange();
    out.text = '';
    out.segs = [];
    if (cr) verbatim(src, m.offsetOf(cr.start), m.offsetOf(cr.end), out);
    return out;
  }
  push(out, src, head, head + 1);
  verbatim(src, head + 1, e, out);
  return out;
}

/** File range [start, end) of text[s, e) (an error at the end of the text marks the instruction's last character). */
export function fileSpan(t: ShellText, s: number, e: number): { start: number; end: number } {
  if (!t.text.length) return { start: Math.max(0, t.end - 1), end: t.end };
  if (s >= t.text.length) { const last = fileOffset(t, t.text.length - 1); return { start: last, end: last + 1 }; }
  const start = fileOffset(t, s);
  let end = fileOffset(t, Math.min(e, t.text.length) - 1) + 1;
  // Keep the range on the error's own line (a token never spans a removed continuation).
  if (end <= start) end = start + 1;
  return { start, end };
}
