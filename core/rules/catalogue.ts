// The rule catalogue, derived from the rule files' metas (registry.ts): every code, its family, default severity
// and one-line title (en + zh). Codes are stable: a code never changes meaning and a retired code is never reused.
import type { Profile, Severity, SeveritySetting } from '../types';
import { RULE_MODULES } from './registry';
import type { RuleMeta } from './rule';

export type { RuleMeta } from './rule';

export const RULES: readonly RuleMeta[] = RULE_MODULES.map((m) => m.meta);

const byCode = new Map(RULES.map((m) => [m.code, m]));
export const ruleMeta = (code: string): RuleMeta | undefined => byCode.get(code);
/** A rule's default severity under a profile. */
export const severityOf = (m: RuleMeta, profile: Profile): Severity => (typeof m.severity === 'function' ? m.severity(profile) : m.severity);

export function defaultSeverity(code: string, profile: Profile): Severity {
  const m = byCode.get(code);
  return m ? severityOf(m, profile) : 'error';
}

/**
 * The severity a finding gets: the `modelarts.rules` setting, else the rule's own reason to differ, else the
 * catalogue's default for the profile; undefined when the setting turns the code off.
 */
export function resolveSeverity(code: string, profile: Profile, rules: Record<string, SeveritySetting>, own?: Severity): Severity | undefined {
  const setting = rules[code];
  if (setting === 'off') return undefined;
  return setting ?? own ?? defaultSeverity(code, profile);
}
