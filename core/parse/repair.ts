// A closing bracket left out of a pretty-printed config.json (`"request": { ... ` and no `}` before the next key).
// jsonc-parser then pairs every later bracket with the wrong opener: keys land in the wrong object and the rest of
// the file cannot be judged. Indentation tells where the bracket was meant to be: the first line after the opener
// that is indented no deeper than the opener's line (and is not its own closer) starts outside it. The bracket is
// put there in the parsed text only (over a space of that line's indentation, so offsets stay), and reported as
// missing with a fix. Only when the file is indented, and the repaired text parses better; otherwise nothing.
import { createScanner, SyntaxKind } from 'jsonc-parser';

export interface Repair {
  /** Where the missing bracket goes in the user's text (after the last value of the object or array). */
  insertAt: number;
  closer: '}' | ']';
  /** The opener left open, and the offset in the parsed text where the bracket was written. */
  openerOffset: number;
  parsedAt: number;
}

interface Open { offset: number; indent: number; closer: '}' | ']' }

const indentOf = (text: string, offset: number): number => {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))![0].length;
};
const isLineStart = (text: string, offset: number): boolean => /^[ \t]*$/.test(text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset));

/** The first missing closer that indentation locates, or undefined. */
export function findMissingCloser(text: string): Repair | undefined {
  const scanner = createScanner(text, true);
  const stack: Open[] = [];
  for (let k = scanner.scan(); k !== SyntaxKind.EOF; k = scanner.scan()) {
    const o = scanner.getTokenOffset();
    if (k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken) {
      stack.push({ offset: o, indent: indentOf(text, o), closer: k === SyntaxKind.OpenBraceToken ? '}' : ']' });
      continue;
    }
    const top = stack[stack.length - 1];
    if (!top || !isLineStart(text, o) || text.lastIndexOf('\n', o) < top.offset) {
      if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) stack.pop();
      continue;
    }
    // A token that starts a line indented no deeper than an open object's line is outside that object, unless it
    // is that object's own closer.
    const indent = indentOf(text, o);
    const ownCloser = (k === SyntaxKind.CloseBraceToken && top.closer === '}') || (k === SyntaxKind.CloseBracketToken && top.closer === ']');
    if (indent <= top.indent && !(ownCloser && indent === top.indent)) {
      if (indent === 0 || o - text.lastIndexOf('\n', o) < 2) return undefined; // nothing to write the bracket over
      let end = text.lastIndexOf('\n', o);
      while (end > 0 && /\s/.test(text[end - 1])) end--;
      return { insertAt: end, closer: top.closer, openerOffset: top.offset, parsedAt: text.lastIndexOf('\n', o) + 1 };
    }
    if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) stack.pop();
  }
  return undefined;
}

/** `text` with the repair's bracket written over one indentation character. */
export const applyRepair = (text: string, r: Repair): string => text.slice(0, r.parsedAt) + r.closer + text.slice(r.parsedAt + 1);
