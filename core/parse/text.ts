// Offset <-> position conversion for any text, via the LSP text-document model (UTF-16 columns, as LSP wants).
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from '../types';

export interface TextModel {
  file: string;
  text: string;
  /** Position lookups; built once per parsed file. */
  doc: TextDocument;
  rangeOf(offset: number, length: number): Range;
}

export function textModel(file: string, text: string, languageId = 'plaintext'): TextModel {
  const doc = TextDocument.create('file://' + file, languageId, 0, text);
  return {
    file,
    text,
    doc,
    rangeOf: (offset, length) => ({ start: doc.positionAt(offset), end: doc.positionAt(offset + length) }),
  };
}
