// The shell text Docker hands to the shell for a RUN / shell-form CMD / ENTRYPOINT, with a map back to the file.
// Joined exactly as the Dockerfile parser does it: escape + blanks + newline is removed (no space put in), comment
// lines and empty lines inside a continuation are dropped, `\r` before a newline goes, leading `--flag` words of RUN
// are not part of the command. Heredoc bodies follow the first logical line verbatim. `image.ts` has its own join
// (cleanText) that puts a space at each continuation: its word offsets are what the other rules use.
import type { Heredoc, Instruction } from 'dockerfile-ast';
import type { ImageModel } from '../../analysis/image';

export interface ShellText {
  text: string;
  /** map[i] is the file offset of text[i]. */
  map: number[];
  /** File offset just past the instruction (for errors at the end of the text). */
  end: number;
  /** `RUN <<EOF` alone: the heredoc body is the script (not shell text with a heredoc in it). */
  bareHeredoc: boolean;
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t' || c === '\r';

/** Joins [s, e) of the file's text the way Docker joins continuation lines. */
function joinLines(src: string, s: number, e: number, escape: string, out: ShellText): void {
  let i = s;
  while (i < e) {
    const c = src[i];
    if (c === escape) {
      let j = i + 1;
      while (j < e && isBlank(src[j])) j++;
      if (j >= e || src[j] === '\n') {
        i = j + 1;
        // Lines that are comments or empty inside a continuation are not part of the instruction.
        for (;;) {
          let k = i;
          while (k < e && isBlank(src[k])) k++;
          if (k < e && src[k] !== '#' && src[k] !== '\n') break;
          if (k >= e) { i = k; break; }
          while (k < e && src[k] !== '\n') k++;
          i = k + 1;
        }
        continue;
      }
    }
    if (c === '\r' && (src[i + 1] === '\n' || i + 1 === e)) { i++; continue; }
    out.text += c;
    out.map.push(i);
    i++;
  }
}

/** Appends [s, e) verbatim (heredoc bodies), without the `\r` of CRLF lines. */
function verbatim(src: string, s: number, e: number, out: ShellText): void {
  for (let i = s; i < e; i++) {
    if (src[i] === '\r' && (src[i + 1] === '\n' || i + 1 === e)) continue;
    out.text += src[i];
    out.map.push(i);
  }
}

/** Drops leading `--mount=...`, `--network=...` words (BuildKit options, not shell). */
function dropFlags(out: ShellText): void {
  const m = /^(?:\s*--[A-Za-z][\w-]*(?:=\S*)?(?=\s))*\s*/.exec(out.text);
  const n = m ? m[0].length : 0;
  if (!n) return;
  out.text = out.text.slice(n);
  out.map = out.map.slice(n);
}

export function shellText(m: ImageModel, ins: Instruction, isRun: boolean): ShellText | undefined {
  const r = ins.getArgumentsRange();
  if (!r) return undefined;
  const src = m.doc.text;
  const escape = m.doc.ast.getEscapeCharacter();
  const s = m.offsetOf(r.start), e = m.offsetOf(ins.getRange().end);
  const out: ShellText = { text: '', map: [], end: e, bareHeredoc: false };
  const heredocs = isRun ? ((ins as unknown as { getHeredocs?(): Heredoc[] }).getHeredocs?.() ?? []) : [];
  const first = heredocs.map((h) => h.getContentRange()?.start.line ?? h.getDelimiterRange()?.start.line).find((l) => l !== undefined);
  if (first === undefined) {
    joinLines(src, s, e, escape, out);
    if (isRun) dropFlags(out);
    return out;
  }
  const bodyStart = m.offsetOf({ line: first, character: 0 });
  joinLines(src, s, Math.max(s, bodyStart - 1), escape, out);
  if (isRun) dropFlags(out);
  out.bareHeredoc = heredocs.length === 1 && /^<<-?(["']?)[\w.-]+\1\s*$/.test(out.text);
  if (out.bareHeredoc) {
    // The body alone is the script: what lies between the heredoc line and its delimiter line.
    const cr = heredocs[0].getContentRange();
    out.text = '';
    out.map = [];
    if (cr) verbatim(src, m.offsetOf(cr.start), m.offsetOf(cr.end), out);
    return out;
  }
  out.text += '\n';
  out.map.push(bodyStart - 1);
  verbatim(src, bodyStart, e, out);
  return out;
}

/** File range [start, end) of text[s, e) (an error at the end of the text marks the instruction's last character). */
export function fileSpan(t: ShellText, s: number, e: number): { start: number; end: number } {
  if (!t.map.length) return { start: Math.max(0, t.end - 1), end: t.end };
  if (s >= t.map.length) { const last = t.map[t.map.length - 1]; return { start: last, end: last + 1 }; }
  const start = t.map[s];
  const endIdx = Math.min(e, t.map.length) - 1;
  let end = t.map[endIdx] + 1;
  // Keep the range on the error's own line (a token never spans a removed continuation).
  if (end <= start) end = start + 1;
  return { start, end };
}
