// config.json -> value + node tree with offsets (jsonc-parser), keeping every syntax error with its range.
import { parseTree, printParseErrorCode, findNodeAtLocation, type Node, type ParseError, type JSONPath } from 'jsonc-parser';
import { textModel, unfitInput, type TextModel } from './text';
import { findWrappedComments, blankSpans, type Span } from './wrappedComments';
import { applyRepair, findMissingCloser, type Repair } from './repair';

export interface ConfigDoc extends TextModel {
  /** Root node; undefined when the text is empty or unparsable (then `value` is undefined too). */
  root: Node | undefined;
  /** The parsed value (undefined when root is). Comments and trailing commas are tolerated here and reported by MA100. */
  value: unknown;
  syntaxErrors: { error: string; offset: number; length: number }[];
  /**
   * Lines that continue a `//` comment of the line above (a comment wrapped by a web page or a PDF). They were
   * blanked (same offsets) before parsing, so the tree is what the author meant.
   */
  wrappedComments: Span[];
  /** Brackets left out that indentation located; written into `parsedText` (see parse/repair.ts). */
  repairs: Repair[];
  /** The text the tree was parsed from: `text` with the wrapped comment lines blanked (same length, same offsets). */
  parsedText: string;
  /**
   * Why the text was not parsed at all: not text (NUL bytes), too big, not UTF-8 (`at`: the first undecodable
   * character), or nested deeper than any parser should follow (`at`: where the limit was crossed).
   */
  unreadable?: 'binary' | 'too-large' | 'not-utf8' | 'utf16' | 'too-deep';
  unreadableAt?: number;
  nodeAt(path: JSONPath): Node | undefined;
}

/**
 * Deeper nesting is not parsed: jsonc-parser and the validator recurse per level (100,000 levels overflowed the
 * stack), and Python's json module, which reads config.json on the platform, gives up near 1000 levels anyway.
 */
export const MAX_CONFIG_DEPTH = 512;

/**
 * Offset where `[`/`{` nesting first exceeds `limit`, or -1. One linear pass that skips strings and comments, so
 * it can run before any recursive parser.
 */
export function tooDeepAt(text: string, limit = MAX_CONFIG_DEPTH): number {
  // Fast path: nesting can never exceed the number of openers, and counting them with indexOf is native-speed
  // (real configs have tens to hundreds): the exact scan below runs only when there could be a problem.
  if (openersAtMost(text, limit)) return -1;
  // The regex engine skips strings and comments natively, and test() allocates no match: 4x faster than a loop
  // over characters (313 KB: 0.6 ms). The last character of a match tells a bracket from a string or comment.
  const tokens = /"(?:[^"\\\n]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$)|[[\]{}]/g;
  let depth = 0;
  while (tokens.test(text)) {
    const c = text.charCodeAt(tokens.lastIndex - 1);
    if (c === 0x5b || c === 0x7b) {
      if (++depth > limit) return tokens.lastIndex - 1;
    } else if (c === 0x5d || c === 0x7d) depth = depth > 0 ? depth - 1 : 0;
  }
  return -1;
}

/** True when the text has at most `limit` `{` and `[` in all. */
function openersAtMost(text: string, limit: number): boolean {
  let n = 0;
  for (const ch of ['{', '[']) {
    for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) if (++n > limit) return false;
  }
  return true;
}

/**
 * UTF-16 read as UTF-8 (Windows PowerShell's `>` and Notepad's "Unicode" write it): every other character is NUL,
 * after a byte-order mark that decodes as two U+FFFD.
 */
function looksUtf16(text: string): boolean {
  const body = text.slice(0, 258).replace(/^\ufffd\ufffd/, '').slice(0, 256);
  let nul = 0;
  for (let i = 0; i < body.length; i++) if (body.charCodeAt(i) === 0) nul++;
  return body.length >= 4 && nul * 2 >= body.length - 2;
}

/** Why a text cannot be parsed at all, if it cannot (see ConfigDoc.unreadable). */
export function unreadableReason(text: string): { reason: NonNullable<ConfigDoc['unreadable']>; at: number } | undefined {
  const unfit = unfitInput(text);
  if (unfit === 'binary') return { reason: looksUtf16(text) ? 'utf16' : 'binary', at: 0 };
  if (unfit) return { reason: unfit, at: 0 };
  // U+FFFD is what a UTF-8 decoder (Node's, VS Code's) writes for bytes that are not UTF-8: a GBK file shows them.
  const bad = text.indexOf('\ufffd');
  if (bad >= 0) return { reason: 'not-utf8', at: bad };
  const deep = tooDeepAt(text);
  if (deep >= 0) return { reason: 'too-deep', at: deep };
  return undefined;
}

/**
 * The deployment file (modelarts-deploy.json): our own file, JSON with comments and trailing commas, so a plain parse
 * with its errors, without the recovery config.json gets (wrapped comments, missing brackets located by indentation).
 */
export const parseDeploy = (file: string, text: string): ConfigDoc => parseConfig(file, text, false);

/** Plain JSON, read natively: the value without a tree; undefined for anything else (comments, trailing commas, errors, BOM). */
function strictJson(text: string): { value: unknown } | undefined {
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** The document of a text that is plain JSON: no syntax errors, and its tree built only when a rule asks for a node. */
function strictDoc(base: TextModel, value: unknown): ConfigDoc {
  let tree: Node | undefined | null = null; // null: not built yet
  const root = () => (tree === null ? (tree = parseTree(base.text, [], { allowTrailingComma: true, disallowComments: false })) : tree);
  return {
    ...base,
    get root() {
      return root();
    },
    value,
    syntaxErrors: [],
    wrappedComments: [],
    repairs: [],
    parsedText: base.text,
    nodeAt: (path) => {
      const r = root();
      return r ? findNodeAtLocation(r, path) : undefined;
    },
  };
}

/**
 * `recover`: blank wrapped comment lines and put back missing brackets before parsing (config.json). Most files are
 * plain JSON: JSON.parse reads their value natively and the node tree (jsonc-parser, half of a check's time) is built
 * on first use — a clean file's rules need the value only, its findings' ranges need the tree.
 */
export function parseConfig(file: string, text: string, recover = true): ConfigDoc {
  const base = textModel(file, text, 'json');
  const bad = unreadableReason(text);
  const strict = bad ? undefined : strictJson(text);
  if (strict) return strictDoc(base, strict.value);
  const syntaxErrors: ConfigDoc['syntaxErrors'] = [];
  let root: Node | undefined;
  let wrappedComments: Span[] = [];
  let parsedText = text;
  const repairs: Repair[] = [];
  if (!bad) {
    wrappedComments = recover ? findWrappedComments(text) : [];
    parsedText = blankSpans(text, wrappedComments);
    let errors: ParseError[] = [];
    root = parseTree(parsedText, errors, { allowTrailingComma: true, disallowComments: false });
    // A missing bracket: repaired (at most a few) when indentation says where, and the result parses better.
    for (let i = 0; recover && i < 4 && errors.length; i++) {
      const r = findMissingCloser(parsedText);
      if (!r) break;
      const candidate = applyRepair(parsedText, r);
      const again: ParseError[] = [];
      const tree = parseTree(candidate, again, { allowTrailingComma: true, disallowComments: false });
      if (again.length >= errors.length) break;
      [parsedText, root, errors] = [candidate, tree, again];
      repairs.push(r);
    }
    for (const e of errors) syntaxErrors.push({ error: printParseErrorCode(e.error), offset: e.offset, length: e.length });
  }
  return {
    ...base,
    root,
    value: root ? nodeValue(root) : undefined,
    syntaxErrors,
    wrappedComments,
    repairs,
    parsedText,
    unreadable: bad?.reason,
    unreadableAt: bad?.at,
    nodeAt: (path) => (root ? findNodeAtLocation(root, path) : undefined),
  };
}

function nodeValue(node: Node): unknown {
  switch (node.type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const p of node.children ?? []) {
        const [k, v] = p.children ?? [];
        if (!k || typeof k.value !== 'string') continue;
        const value = v ? nodeValue(v) : undefined;
        // A "__proto__" key is an own property, as JSON.parse makes it, not the object's prototype.
        if (k.value === '__proto__') Object.defineProperty(o, k.value, { value, enumerable: true, writable: true, configurable: true });
        else o[k.value] = value;
      }
      return o;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}
