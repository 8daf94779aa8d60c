// JSON pointers (ajv's instancePath) <-> jsonc-parser paths <-> nodes and ranges of config.json.
import type { JSONPath, Node } from 'jsonc-parser';
import type { Range } from '../../types';
import type { ConfigDoc } from '../../parse/config';

export function pointerToPath(pointer: string, value: unknown): JSONPath {
  if (!pointer) return [];
  const out: JSONPath = [];
  let cur = value;
  for (const raw of pointer.slice(1).split('/')) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      const i = Number(seg);
      out.push(i);
      cur = cur[i];
    } else {
      out.push(seg);
      cur = cur && typeof cur === 'object' ? (cur as Record<string, unknown>)[seg] : undefined;
    }
  }
  return out;
}

/** `apis[0].request.Content-type`: how a path reads in a message. */
export function showPath(path: JSONPath): string {
  let s = '';
  for (const p of path) s += typeof p === 'number' ? `[${p}]` : s ? `.${p}` : p;
  return s || 'config.json';
}

/** The value node at a path, or its nearest existing ancestor. */
export function nodeOrAncestor(doc: ConfigDoc, path: JSONPath): Node | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.nodeAt(path.slice(0, n));
    if (node) return node;
  }
  return doc.root;
}

/** The key node of the property `key` in the object at `objectPath`. */
export function keyNode(doc: ConfigDoc, objectPath: JSONPath, key: string): Node | undefined {
  const obj = doc.nodeAt(objectPath);
  if (obj?.type !== 'object') return undefined;
  // The last occurrence wins in JSON.parse, and in the parsed value.
  const props = (obj.children ?? []).filter((p) => p.children?.[0]?.value === key);
  return props[props.length - 1]?.children?.[0];
}

export const rangeOfNode = (doc: ConfigDoc, node: Node): Range => doc.rangeOf(node.offset, node.length);

/**
 * Where a missing field is reported: the key that opens the object (`"health": {`) or, for the root object and
 * array items, the opening brace.
 */
export function openingRange(doc: ConfigDoc, objectPath: JSONPath): Range {
  const obj = nodeOrAncestor(doc, objectPath);
  if (!obj) return doc.rangeOf(0, 0);
  const parent = obj.parent;
  if (parent?.type === 'property' && parent.children?.[0]) return rangeOfNode(doc, parent.children[0]);
  return doc.rangeOf(obj.offset, obj.type === 'object' || obj.type === 'array' ? 1 : obj.length);
}

/** The value at a jsonc path in a parsed value (undefined where the path leaves it). */
export function valueAt(v: unknown, path: JSONPath): unknown {
  let cur = v;
  for (const p of path) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[p] : undefined;
  return cur;
}

export type Obj = Record<string, unknown>;
/** A JSON object (not an array, not null). */
export const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);

/** Each request and response object of config.json's apis, in order, with its api's index. */
export function apiMessages(value: unknown): { msg: Obj; i: number; part: 'request' | 'response' }[] {
  const apis = isObj(value) ? value.apis : undefined;
  const out: { msg: Obj; i: number; part: 'request' | 'response' }[] = [];
  if (!Array.isArray(apis)) return out;
  apis.forEach((api, i) => {
    if (!isObj(api)) return;
    for (const part of ['request', 'response'] as const) if (isObj(api[part])) out.push({ msg: api[part], i, part });
  });
  return out;
}
