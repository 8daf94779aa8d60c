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

/**
 * Texts larger than this are not parsed, completed or hovered: no real config.json or Dockerfile comes close (the
 * 313 KB stress file does).
 */
const MAX_INPUT_CHARS = 5 * 1024 * 1024;
/** How far into a text NUL bytes are looked for. */
const BINARY_PROBE_CHARS = 8192;

/**
 * Why a text is not a config.json or Dockerfile worth reading, if it is not: larger than 5 MB, or NUL bytes near
 * its start (a binary file, or UTF-16 read as UTF-8). The one guard the parsers and the editor features share.
 */
export function unfitInput(text: string): 'too-large' | 'binary' | undefined {
  if (text.length > MAX_INPUT_CHARS) return 'too-large';
  if (text.slice(0, BINARY_PROBE_CHARS).includes('\u0000')) return 'binary';
  return undefined;
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
