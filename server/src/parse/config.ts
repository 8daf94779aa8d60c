// config.json -> value + node tree with offsets (jsonc-parser), keeping every syntax error with its range.
import { parseTree, printParseErrorCode, findNodeAtLocation, type Node, type ParseError, type JSONPath } from 'jsonc-parser';
import { textModel, type TextModel } from './text';

export interface ConfigDoc extends TextModel {
  /** Root node; undefined when the text is empty or unparsable. */
  root: Node | undefined;
  /** The parsed value (undefined when root is). Comments and trailing commas are tolerated here and reported by MA100. */
  value: unknown;
  syntaxErrors: { error: string; offset: number; length: number }[];
  /** True when the text is not text at all (NUL bytes) or too big to be a config file. */
  unreadable?: 'binary' | 'too-large';
  nodeAt(path: JSONPath): Node | undefined;
}

/** Config files larger than this are not parsed: no real config.json comes close (the 313 KB stress file does). */
export const MAX_CONFIG_BYTES = 5 * 1024 * 1024;

export function parseConfig(file: string, text: string): ConfigDoc {
  const base = textModel(file, text, 'json');
  const syntaxErrors: ConfigDoc['syntaxErrors'] = [];
  let root: Node | undefined;
  let unreadable: ConfigDoc['unreadable'];
  if (text.length > MAX_CONFIG_BYTES) unreadable = 'too-large';
  else if (text.slice(0, 8192).includes('\u0000')) unreadable = 'binary';
  else {
    const errors: ParseError[] = [];
    root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    for (const e of errors) syntaxErrors.push({ error: printParseErrorCode(e.error), offset: e.offset, length: e.length });
  }
  return {
    ...base,
    root,
    value: root ? nodeValue(root) : undefined,
    syntaxErrors,
    unreadable,
    nodeAt: (path) => (root ? findNodeAtLocation(root, path) : undefined),
  };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (k && typeof k.value === 'string') o[k.value] = v ? nodeValue(v) : undefined;
      }
      return o;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
