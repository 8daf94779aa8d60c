// What the JSON syntax of a config.json gets wrong, each slip once, where it is (the texts are MA100's). jsonc-parser
// reports every token its recovery had to skip: one unquoted key gives three errors on one line, one missing `}`
// gives errors on the valid lines after it and at the end of the file. So: brackets are matched first (a mismatch
// is reported at the opener that was left open, and what follows it is the cascade), then at most one error per
// line is kept. Comments and trailing commas, which jsonc-parser tolerates, are found by a token scan.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { ConfigDoc } from '../../parse/config';
import type { Span } from '../../parse/wrappedComments';
import type { Localized } from '../../types';
import { L } from '../../i18n';

export type SyntaxError = ConfigDoc['syntaxErrors'][number];

/**
 * The first bracket that does not match: a closer with nothing to close (`unopened`, at the closer), an opener
 * closed by the wrong closer (`mismatched`, at the opener; `ch` on `closeLine` is the wrong one), an opener never
 * closed (`unclosed`). jsonc's errors from `cutoff` on are its cascade.
 */
export interface BracketProblem {
  kind: 'unopened' | 'mismatched' | 'unclosed';
  offset: number;
  /** The opener left open (its character), and the closer it needs. */
  opened: string;
  want: string;
  /** The closer met (unopened, mismatched) and its 1-based line. */
  ch: string;
  closeLine: number;
  cutoff: number;
}

/** What jsonc-parser's error codes mean, as the middle of an "Invalid JSON: ..." message (MA100, MA120). */
const ERROR_TEXT: Record<string, Localized> = {
  InvalidSymbol: L('an unexpected character', '意外的字符'),
  InvalidNumberFormat: L('a malformed number', '数字格式错误'),
  PropertyNameExpected: L('a property name (in double quotes) is expected', '此处应为属性名（用双引号括起）'),
  ValueExpected: L('a value is expected', '此处应为一个值'),
  ColonExpected: L('a colon is expected', '此处应为冒号'),
  CommaExpected: L('a comma is expected', '此处应为逗号'),
  CloseBraceExpected: L('a closing brace } is expected', '此处应为右花括号 }'),
  CloseBracketExpected: L('a closing bracket ] is expected', '此处应为右方括号 ]'),
  EndOfFileExpected: L('the file should end here', '文件应在此结束'),
  InvalidCommentToken: L('a malformed comment', '注释格式错误'),
  UnexpectedEndOfComment: L('an unterminated comment', '注释未结束'),
  UnexpectedEndOfString: L('an unterminated string', '字符串未结束'),
  UnexpectedEndOfNumber: L('an unterminated number', '数字未结束'),
  InvalidUnicode: L('an invalid unicode escape', '无效的 Unicode 转义'),
  InvalidEscapeCharacter: L('an invalid escape character', '无效的转义字符'),
  InvalidCharacter: L('an invalid character in a string (escape control characters)', '字符串中有无效字符（控制字符须转义）'),
};

export const jsonErrorText = (error: string): Localized => ERROR_TEXT[error] ?? L(error, error);

const CLOSER: Record<number, string> = { [SyntaxKind.OpenBraceToken]: '}', [SyntaxKind.OpenBracketToken]: ']' };

export function bracketProblem(doc: ConfigDoc): BracketProblem | undefined {
  const stack: { kind: SyntaxKind; offset: number }[] = [];
  const scanner = createScanner(doc.parsedText, true);
  const line = (o: number) => doc.doc.positionAt(o).line + 1;
  for (let k = scanner.scan(); k !== SyntaxKind.EOF; k = scanner.scan()) {
    const o = scanner.getTokenOffset();
    if (k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken) stack.push({ kind: k, offset: o });
    else if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) {
      const ch = k === SyntaxKind.CloseBraceToken ? '}' : ']';
      const top = stack.pop();
      if (!top) return { kind: 'unopened', offset: o, opened: '', want: '', ch, closeLine: line(o), cutoff: o };
      if (CLOSER[top.kind] !== ch) {
        return { kind: 'mismatched', offset: top.offset, opened: doc.text[top.offset], want: CLOSER[top.kind], ch, closeLine: line(o), cutoff: o };
      }
    }
  }
  const open = stack.pop();
  if (!open) return undefined;
  return { kind: 'unclosed', offset: open.offset, opened: doc.text[open.offset], want: CLOSER[open.kind], ch: '', closeLine: 0, cutoff: doc.text.length };
}

/** The comma error right after a repaired bracket (`}` then `"next": ...`): the same slip as the repair. */
export const commaAfter = (doc: ConfigDoc, parsedAt: number): SyntaxError | undefined => doc.syntaxErrors.find((e) =>
  e.error === 'CommaExpected' && e.offset > parsedAt && /^\s*$/.test(doc.parsedText.slice(parsedAt + 1, e.offset)));

/**
 * The syntax errors worth a finding each: not a repaired bracket's comma, not the byte-order mark (`skipBom`), not
 * the cascade of the bracket problem, at most one per line (the rest of a line's errors are its cascade).
 */
export function reportedErrors(doc: ConfigDoc, skipBom: boolean, brackets: BracketProblem | undefined): SyntaxError[] {
  const lines = new Set<number>(brackets ? [doc.doc.positionAt(brackets.offset).line] : []);
  const merged = new Set(doc.repairs.map((r) => commaAfter(doc, r.parsedAt)));
  return doc.syntaxErrors.filter((e) => {
    if (merged.has(e)) return false;
    if (skipBom && e.offset === 0 && e.error === 'InvalidSymbol') return false;
    if (brackets && (e.offset >= brackets.cutoff || e.error === 'CloseBraceExpected' || e.error === 'CloseBracketExpected')) return false;
    const line = doc.doc.positionAt(e.offset).line;
    if (lines.has(line)) return false;
    lines.add(line);
    return true;
  });
}

/** The word of an unquoted key (`model_type: "Image"`) at an unexpected-character error, else undefined. */
export function unquotedKeyAt(doc: ConfigDoc, offset: number, length: number): string | undefined {
  const word = doc.parsedText.slice(offset, offset + length);
  if (!/^[A-Za-z_$][\w$-]*$/.test(word) || !/^\s*:/.test(doc.parsedText.slice(offset + length, offset + length + 40))) return undefined;
  return word;
}

/**
 * Where a missing comma belongs: jsonc-parser notices it at the next value, often on the next (valid) line; the
 * comma goes right after the value before it. Undefined when there is no such value.
 */
export function missingCommaAt(doc: ConfigDoc, offset: number): number | undefined {
  let end = offset;
  while (end > 0 && /\s/.test(doc.parsedText[end - 1])) end--;
  return end === 0 || end === offset ? undefined : end;
}

/** A comment, or a comma before a closing bracket: strict JSON allows neither. */
export interface StrictSlip { kind: 'comment' | 'comma'; offset: number; length: number }

/** The comments and trailing commas of the parsed text, in order (the parse tree keeps neither). */
export function* strictSlips(doc: ConfigDoc): Generator<StrictSlip> {
  // Most files have neither: a regex proves that much faster than a second tokenization (a hit inside a string
  // just means we scan). The parsed text: a wrapped comment line is reported apart and must not hide a trailing comma.
  if (!/\/[/*]|,\s*[\]}]/.test(doc.parsedText)) return;
  const scanner = createScanner(doc.parsedText, false);
  let pendingComma = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const comment = kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia;
    if (comment) yield { kind: 'comment', offset, length: scanner.getTokenLength() };
    else if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue; // whitespace keeps a pending comma pending
    else if ((kind === SyntaxKind.CloseBraceToken || kind === SyntaxKind.CloseBracketToken) && pendingComma >= 0) {
      yield { kind: 'comma', offset: pendingComma, length: 1 };
    }
    pendingComma = kind === SyntaxKind.CommaToken ? offset : comment ? pendingComma : -1;
  }
}

/** Where a comment ends, with the lines that continue it (removing the comment alone would leave them as stray text). */
export function commentEnd(doc: ConfigDoc, end: number): number {
  for (const w of doc.wrappedComments) if (w.joinFrom === end) end = w.offset + w.length;
  return end;
}

/** The whole line of a wrapped comment's continuation, with its line end: what removing it removes. */
export function wrappedLine(doc: ConfigDoc, w: Span): { start: number; end: number } {
  const start = doc.text.lastIndexOf('\n', w.offset - 1) + 1;
  const end = w.offset + w.length + (doc.text.slice(w.offset + w.length).match(/^[ \t]*\r?\n?/)?.[0].length ?? 0);
  return { start, end };
}
