// The schema pass: ajv errors -> findings. Each error is mapped to the node at fault (instancePath -> JSON path ->
// node) and to a rule code: the sub-schema's `x-code`, else the keyword (the convention schemas/config.schema.json
// states in its $comment). The rule of that code reads the error (its `fromSchema`). One problem -> one finding:
// errors on the same spot are merged, the code of lowest rank wins.
import type { ErrorObject } from 'ajv';
import type { JSONPath } from 'jsonc-parser';
import type { Profile, RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { validateConfig, type SchemaNode } from '../../schema/configSchema';
import { pointerToPath, showPath, nodeOrAncestor, rangeOfNode } from './paths';
import type { ConfigRule, SchemaHit, SchemaRead } from './rule';

const messages = {
  invalid: (where: string, message: string | undefined, v: string) =>
    L(`${where} ${message ?? 'is invalid'} (value ${v}).`, `${where} 取值无效（${v}）：${message ?? ''}。`),
};

interface Mapped extends SchemaRead { key: string }

/** The config rules by code, as the schema pass reads them. */
export interface SchemaReaders {
  byCode: ReadonlyMap<string, ConfigRule>;
  scoped: readonly ConfigRule[];
}

export const schemaReaders = (rules: readonly ConfigRule[]): SchemaReaders =>
  ({ byCode: new Map(rules.map((r) => [r.meta.code, r])), scoped: rules.filter((r) => r.schemaScope) });

export function schemaFindings(doc: ConfigDoc, claimed: Set<string>, profile: Profile, readers: SchemaReaders): RawFinding[] {
  const best = new Map<string, Mapped>();
  const rank = (m: Mapped) => readers.byCode.get(m.finding.code)?.meta.rank ?? 0;
  for (const e of validateConfig(doc.value)) {
    const m = mapError(doc, e, profile, readers);
    if (!m || isClaimed(claimed, m.key)) continue;
    const prev = best.get(m.key);
    if (!prev || rank(m) < rank(prev)) best.set(m.key, m);
  }
  return dropCoveredMissing([...best.values()]).map((m) => m.finding);
}

/** `claimed` holds pointers, and prefixes ending in "/" that claim a whole subtree (an undocumented key's value). */
const isClaimed = (claimed: Set<string>, key: string): boolean =>
  claimed.has(key) || [...claimed].some((c) => c.endsWith('/') && (key + '/').startsWith(c));

/** A missing `url` next to an unknown `ulr` is one problem: the rename fix of MA104 solves it. */
function dropCoveredMissing(ms: Mapped[]): Mapped[] {
  const supplied = new Set(ms.map((m) => m.supplies).filter(Boolean));
  return ms.filter((m) => !(m.finding.code === 'MA101' && supplied.has(m.key)));
}

function codeFor(e: ErrorObject, path: JSONPath, readers: SchemaReaders): string {
  if (e.keyword !== 'additionalProperties') {
    const scope = readers.scoped.find((r) => r.schemaScope!(path));
    if (scope) return scope.meta.code;
  }
  const x = (e.parentSchema as SchemaNode | undefined)?.['x-code'] as string | undefined;
  switch (e.keyword) {
    case 'required': return x ?? 'MA101';
    case 'type': return x && readers.byCode.get(x)?.schemaTypes ? x : 'MA102';
    case 'additionalProperties': return 'MA104';
    default: return x ?? 'MA103';
  }
}

function mapError(doc: ConfigDoc, e: ErrorObject, profile: Profile, readers: SchemaReaders): Mapped | undefined {
  if (e.keyword === 'if' || e.keyword === '$ref') return undefined;
  const path = pointerToPath(e.instancePath, doc.value);
  const hit = hitOf(doc, e, profile, codeFor(e, path, readers), path);
  if (!hit) return undefined;
  const read = readers.byCode.get(hit.code)?.fromSchema;
  const m = read ? read(hit) : { finding: hit.generic() };
  return m && { ...m, key: m.key ?? e.instancePath };
}

function hitOf(doc: ConfigDoc, error: ErrorObject, profile: Profile, code: string, path: JSONPath): SchemaHit | undefined {
  const node = nodeOrAncestor(doc, path);
  if (!node) return undefined;
  const where = showPath(path);
  const value = (error as { data?: unknown }).data;
  // Built on demand: an unknown key's error carries its whole object as data, not worth a JSON.stringify.
  const generic = (): RawFinding =>
    ({ code, file: doc.file, range: rangeOfNode(doc, node), message: messages.invalid(where, error.message, JSON.stringify(value)) });
  return { doc, error, code, profile, path, where, node, value, text: typeof value === 'string' ? value : undefined, generic };
}
