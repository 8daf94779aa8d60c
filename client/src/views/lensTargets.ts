// Where CodeLenses go in a config.json: over each `apis` entry and over `health`. Pure (no vscode) so it is
// unit-tested; a half-typed file gives the lenses it can (jsonc-parser recovers from errors).
import { parseTree, type Node } from 'jsonc-parser';

export type LensTarget =
  | { kind: 'api'; index: number; method: string; url: string; offset: number; length: number }
  | { kind: 'health'; url: string; offset: number; length: number };

const prop = (obj: Node | undefined, key: string): Node | undefined =>
  obj?.type === 'object' ? obj.children?.find((p) => p.children?.[0]?.value === key)?.children?.[1] : undefined;
const str = (n: Node | undefined, d: string): string => (n?.type === 'string' && typeof n.value === 'string' ? n.value : d);

export function lensTargets(text: string): LensTarget[] {
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (root?.type !== 'object') return [];
  const out: LensTarget[] = [];
  const apis = prop(root, 'apis');
  if (apis?.type === 'array') {
    (apis.children ?? []).forEach((api, index) => {
      if (api.type !== 'object') return;
      const method = str(prop(api, 'method'), 'post').toUpperCase();
      out.push({ kind: 'api', index, method, url: str(prop(api, 'url'), '/'), offset: api.offset, length: api.length });
    });
  }
  const health = prop(root, 'health');
  if (health?.type === 'object') {
    const key = health.parent?.children?.[0];
    out.push({ kind: 'health', url: str(prop(health, 'url'), '/health'), offset: key?.offset ?? health.offset, length: health.length });
  }
  return out;
}
