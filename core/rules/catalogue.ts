// The rule catalogue, derived from the rule files' metas (registry.ts): every code, its family, default severity
// and one-line title (en + zh). Codes are stable: a code never changes meaning and a retired code is never reused.
import type { Profile, Severity } from '../types';
import { RULE_MODULES } from './registry';
import type { RuleMeta } from './rule';

export type { RuleMeta } from './rule';

export const RULES: readonly RuleMeta[] = RULE_MODULES.map((m) => m.meta);

const byCode = new Map(RULES.map((m) => [m.code, m]));
export const ruleMeta = (code: string): RuleMeta | undefined => byCode.get(code);
export function defaultSeverity(code: string, profile: Profile): Severity {
  const m = byCode.get(code);
  if (!m) return 'error';
  return typeof m.severity === 'function' ? m.severity(profile) : m.severity;
}
