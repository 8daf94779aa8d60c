// Comment lines that wrapped onto the next line. Configs copied from web pages and PDFs carry `//` comments whose
// tail landed on a line of its own (`//Model reference API, including the request and` / `response API`). Left in,
// the tail is a run of bare words that jsonc-parser's error recovery skips token by token, attaching what follows
// to the wrong place (phantom items and type errors). Found here with the scanner, blanked before parsing (spaces,
// so every offset stays), and reported once as what it is. jsonc-parser has no notion of this, hence the code.
import { createScanner, SyntaxKind } from 'jsonc-parser';

export interface Span {
  /** Offset of the line's first character that is not white space. */
  offset: number;
  length: number;
  /** End of the text the line continues (the comment above, or the previous continuation line). */
  joinFrom: number;
}

/** One line's tokens, white space left out. */
interface LineTokens { kinds: SyntaxKind[]; offsets: number[]; ends: number[] }

function linesOf(text: string): LineTokens[] {
  const lines: LineTokens[] = [];
  let cur: LineTokens = { kinds: [], offsets: [], ends: [] };
  const scanner = createScanner(text, false);
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    if (kind === SyntaxKind.LineBreakTrivia) {
      lines.push(cur);
      cur = { kinds: [], offsets: [], ends: [] };
    } else if (kind !== SyntaxKind.Trivia) {
      cur.kinds.push(kind);
      cur.offsets.push(scanner.getTokenOffset());
      cur.ends.push(scanner.getTokenOffset() + scanner.getTokenLength());
    }
  }
  lines.push(cur);
  return lines;
}

/**
 * Prose, not JSON: the line starts with a bare word (or a number or string run into one), and that word is not
 * an unquoted key (`model_type: "Image"` is a key the author forgot to quote, not a comment).
 */
function isProse(l: LineTokens): boolean {
  const first = l.kinds.findIndex((k) => k === SyntaxKind.Unknown);
  if (first < 0 || first > 1) return false;
  if (first === 1 && l.kinds[0] !== SyntaxKind.StringLiteral && l.kinds[0] !== SyntaxKind.NumericLiteral) return false;
  return l.kinds[first + 1] !== SyntaxKind.ColonToken;
}

const MAYBE_WRAPPED = /\/\/[^\n]*\n[ \t]*(?:[^\s"{}[\],/]|"[^"\n]*"[ \t]*[^\s:,\]}/])/;

/** The lines that continue a `//` comment of the line above, in text order. */
export function findWrappedComments(text: string): Span[] {
  // Cheap exit (one regex instead of a tokenization): no `//` whose next line starts with a word, or with a
  // string run into a word. A url in a string ("http://...") does not pass: the next line starts with a key.
  if (!MAYBE_WRAPPED.test(text)) return [];
  const out: Span[] = [];
  let joinFrom = -1; // end of the comment (or continuation) the next line may continue; -1: none
  for (const l of linesOf(text)) {
    if (!l.kinds.length) {
      joinFrom = -1; // a blank line ends a wrapped paragraph
      continue;
    }
    if (joinFrom >= 0 && isProse(l)) {
      const offset = l.offsets[0];
      const end = l.ends[l.ends.length - 1];
      out.push({ offset, length: end - offset, joinFrom });
      joinFrom = end;
      continue;
    }
    joinFrom = l.kinds[l.kinds.length - 1] === SyntaxKind.LineCommentTrivia ? l.ends[l.ends.length - 1] : -1;
  }
  return out;
}

/** `text` with each span replaced by spaces (UTF-16 units one for one, so offsets and lines stay). */
export function blankSpans(text: string, spans: Span[]): string {
  if (!spans.length) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, s.offset) + ' '.repeat(s.length);
    at = s.offset + s.length;
  }
  return out + text.slice(at);
}
