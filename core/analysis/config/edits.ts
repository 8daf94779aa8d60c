// Quick-fix edits on config.json: replace a node, rename a key, insert a property (valid JSON, the file's own
// indentation and line ends).
import type { JSONPath, Node } from 'jsonc-parser';
import type { Fix, Localized, TextEdit } from '../../types';
import type { ConfigDoc } from '../../parse/config';

export const edit = (doc: ConfigDoc, offset: number, length: number, newText: string): TextEdit =>
  ({ file: doc.file, range: doc.rangeOf(offset, length), newText });

export const fix = (title: Localized, edits: TextEdit[], isPreferred = true): Fix => ({ title, edits, isPreferred });

export const replaceNode = (doc: ConfigDoc, node: Node, value: unknown): TextEdit =>
  edit(doc, node.offset, node.length, JSON.stringify(value));

/** The file's indentation unit: the first indented line decides (a tab or n spaces); 2 spaces by default. */
function indentUnit(text: string): string {
  const m = /\n([ \t]+)\S/.exec(text);
  if (!m) return '  ';
  return m[1].startsWith('\t') ? '\t' : ' '.repeat(Math.min(m[1].length, 8));
}

/** Leading whitespace of the line that holds `offset`. */
function lineIndent(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/**
 * Inserts `"key": value` as the first property of the object at `objectPath`, right after its `{`. Written by
 * hand because jsonc-parser's `modify` re-formats the whole line it touches (all of a one-line file).
 */
export function insertProperty(doc: ConfigDoc, objectPath: JSONPath, key: string, value: unknown): TextEdit[] {
  const obj = doc.nodeAt(objectPath);
  if (obj?.type !== 'object') return [];
  const text = doc.text;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const first = obj.children?.[0];
  const braceEnd = obj.offset + 1;
  const between = first ? text.slice(braceEnd, first.offset) : text.slice(braceEnd, obj.offset + obj.length - 1);
  const multiline = first ? between.includes('\n') : text.slice(obj.offset, obj.offset + obj.length).includes('\n') || text.includes('\n');
  const unit = indentUnit(text);
  const outer = lineIndent(text, obj.offset);
  const inner = first && multiline ? lineIndent(text, first.offset) : outer + unit;
  const render = (v: unknown) => (multiline ? JSON.stringify(v, null, unit).split('\n').join(eol + inner) : JSON.stringify(v));
  const prop = `${JSON.stringify(key)}: ${render(value)}`;
  if (first) {
    return [edit(doc, braceEnd, 0, multiline ? `${eol}${inner}${prop},` : `${prop}, `)];
  }
  // Empty object: replace its inside.
  return [edit(doc, braceEnd, between.length, multiline ? `${eol}${inner}${prop}${eol}${outer}` : prop)];
}
