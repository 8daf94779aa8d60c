// Quick-fix edits on config.json: replace a node, rename a key, insert a property (jsonc-parser's `modify`
// keeps commas and indentation right, so insertions stay valid JSON).
import { modify, type JSONPath, type Node } from 'jsonc-parser';
import type { Fix, Localized, TextEdit } from '../../core/types';
import type { ConfigDoc } from '../../parse/config';

export const edit = (doc: ConfigDoc, offset: number, length: number, newText: string): TextEdit =>
  ({ file: doc.file, range: doc.rangeOf(offset, length), newText });

export const fix = (title: Localized, edits: TextEdit[], isPreferred = true): Fix => ({ title, edits, isPreferred });

export const replaceNode = (doc: ConfigDoc, node: Node, value: unknown): TextEdit =>
  edit(doc, node.offset, node.length, JSON.stringify(value));

/** Indentation used by the file: the first indented line decides (tabs or n spaces); 2 spaces by default. */
function formatting(text: string) {
  const m = /\n([ \t]+)\S/.exec(text);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  if (m && m[1].startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: m ? Math.min(m[1].length, 8) : 2, eol };
}

/** Inserts `"key": value` as the first property of the object at `objectPath`. */
export function insertProperty(doc: ConfigDoc, objectPath: JSONPath, key: string, value: unknown): TextEdit[] {
  const edits = modify(doc.text, [...objectPath, key], value, { formattingOptions: formatting(doc.text), getInsertionIndex: () => 0 });
  return edits.map((e) => edit(doc, e.offset, e.length, e.content));
}
