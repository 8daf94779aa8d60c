// Which findings survive a config.json with syntax errors. jsonc-parser recovers from every error, but after some
// (a stray word, a missing value, a bracket that does not close) the tree it builds is a guess: keys land in the
// wrong object, values go missing. Findings inside such a region are dropped rather than reported on a guess;
// findings whose verdict rests on a value alone (a misspelt content type, a bad SWR address) are kept.
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import type { RawFinding } from '../../types';
import type { ConfigDoc } from '../../parse/config';

/** Errors after which jsonc-parser's tree is still the one the author meant. */
const LOCAL_ERRORS = new Set(['CommaExpected', 'ColonExpected', 'InvalidNumberFormat', 'InvalidUnicode', 'InvalidEscapeCharacter', 'InvalidCharacter']);
/** Codes that judge a value by itself, whatever object holds it. */
const VALUE_CODES = new Set(['MA105', 'MA112', 'MA115', 'MA117', 'MA119']);
/** Codes that judge a value by itself in some of their findings (a url's shape, not a duplicate or a missing key). */
const VALUE_SHAPE_CODES = new Set(['MA111', 'MA113']);
/** Findings about something missing: never safe while the value is partial. */
const ABOUT_MISSING = new Set(['MA101', 'MA116', 'MA118']);

/** The innermost object or array that holds `offset`. */
function containerAt(node: Node, offset: number): Node {
  for (const c of node.children ?? []) {
    if (offset >= c.offset && offset <= c.offset + c.length) {
      const inner = c.type === 'property' ? c.children?.[1] : c;
      if (inner && (inner.type === 'object' || inner.type === 'array') && offset >= inner.offset && offset <= inner.offset + inner.length) return containerAt(inner, offset);
    }
  }
  return node;
}

/** True when the finding judges one value alone: its range is exactly a property's value and it points nowhere else. */
function judgesValueAlone(doc: ConfigDoc, f: RawFinding, a: number, b: number): boolean {
  if (VALUE_CODES.has(f.code)) return true;
  if (!VALUE_SHAPE_CODES.has(f.code) || f.related?.length || !doc.root) return false;
  const n = findNodeAtOffset(doc.root, a);
  return !!n && n.offset === a && n.offset + n.length === b && n.parent?.type === 'property' && n.parent.children?.[1] === n;
}

/** Keeps the findings of a broken config.json that do not rest on a guessed structure. */
export function trustedFindings(doc: ConfigDoc, findings: RawFinding[]): RawFinding[] {
  const root = doc.root;
  if (!root) return [];
  const errorSpans = doc.syntaxErrors.map((e) => [e.offset, e.offset + Math.max(e.length, 1)]);
  const untrusted = doc.syntaxErrors.filter((e) => !LOCAL_ERRORS.has(e.error)).map((e) => {
    const c = containerAt(root, e.offset);
    return [c.offset, c.offset + c.length];
  });
  return findings.filter((f) => {
    if (ABOUT_MISSING.has(f.code)) return false;
    const a = doc.doc.offsetAt(f.range.start);
    const b = Math.max(doc.doc.offsetAt(f.range.end), a + 1);
    const overlaps = (spans: number[][]) => spans.some(([s, e]) => a < e && s < b);
    // A node that overlaps a syntax error (a string still being typed) is never judged.
    if (overlaps(errorSpans)) return false;
    return judgesValueAlone(doc, f, a, b) || !overlaps(untrusted);
  });
}
