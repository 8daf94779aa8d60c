// Which findings survive a config.json with syntax errors. jsonc-parser recovers from every error, but after some
// (a stray word, a missing value, a bracket that does not close) the tree it builds is a guess: keys land in the
// wrong object, values go missing. Findings inside such a region are dropped rather than reported on a guess;
// findings whose verdict rests on a value alone (a misspelt content type, a bad SWR address) are kept.
import { findNodeAtOffset, type Node } from 'jsonc-parser';
import type { RawFinding } from '../../types';
import type { ConfigDoc } from '../../parse/config';
import type { Trust } from './rule';

/** Errors after which jsonc-parser's tree is still the one the author meant. */
const LOCAL_ERRORS = new Set(['CommaExpected', 'ColonExpected', 'InvalidNumberFormat', 'InvalidUnicode', 'InvalidEscapeCharacter', 'InvalidCharacter']);

/** How each code's findings are trusted (each rule's `trust`). */
export type TrustOf = (code: string) => Trust | undefined;

/** True when the text has errors beyond comments and trailing commas (or a repaired bracket): the parsed value may be partial. */
export const isBroken = (doc: ConfigDoc): boolean =>
  doc.value === undefined || doc.repairs.length > 0 ||
  doc.syntaxErrors.some((e) => !(e.offset === 0 && e.error === 'InvalidSymbol' && doc.text.charCodeAt(0) === 0xfeff));

/** The innermost object or array that holds `offset`. */
function containerAt(node: Node, offset: number): Node {
  for (const c of node.children ?? []) {
    if (offset >= c.offset && offset <= c.offset + c.length) {
      const inner = c.type === 'property' ? c.children?.[1] : c;
      const within = inner && offset >= inner.offset && offset <= inner.offset + inner.length;
      if (within && (inner.type === 'object' || inner.type === 'array')) return containerAt(inner, offset);
    }
  }
  return node;
}

/** True when the finding judges one value alone: its range is exactly a property's value and it points nowhere else. */
function judgesValueAlone(doc: ConfigDoc, f: RawFinding, trust: Trust | undefined, a: number, b: number): boolean {
  if (trust === 'value') return true;
  if (trust !== 'shape' || f.related?.length || !doc.root) return false;
  const n = findNodeAtOffset(doc.root, a);
  return !!n && n.offset === a && n.offset + n.length === b && n.parent?.type === 'property' && n.parent.children?.[1] === n;
}

/** Keeps the findings of a broken config.json that do not rest on a guessed structure. */
export function trustedFindings(doc: ConfigDoc, findings: RawFinding[], trustOf: TrustOf): RawFinding[] {
  const root = doc.root;
  if (!root) return [];
  const errorSpans = doc.syntaxErrors.map((e) => [e.offset, e.offset + Math.max(e.length, 1)]);
  const untrusted = doc.syntaxErrors.filter((e) => !LOCAL_ERRORS.has(e.error)).map((e) => {
    const c = containerAt(root, e.offset);
    return [c.offset, c.offset + c.length];
  });
  return findings.filter((f) => {
    const trust = trustOf(f.code);
    if (trust === 'missing') return false;
    const a = doc.doc.offsetAt(f.range.start);
    const b = Math.max(doc.doc.offsetAt(f.range.end), a + 1);
    const overlaps = (spans: number[][]) => spans.some(([s, e]) => a < e && s < b);
    // A node that overlaps a syntax error (a string still being typed) is never judged.
    if (overlaps(errorSpans)) return false;
    return judgesValueAlone(doc, f, trust, a, b) || !overlaps(untrusted);
  });
}
