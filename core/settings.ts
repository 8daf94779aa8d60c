// The `modelarts.*` settings (any shape, as an editor sends them) turned into CheckOptions. Bad values fall back to
// defaults: a typo in settings.json must not stop the checks. The language server and the client's workflow settings
// (Build and Test, push) both read them here, so an alias ("warn", "none") or a bad profile means the same in both.
import type { CheckOptions, Profile, ServiceKind, SeveritySetting } from './types';
import { defaultOptions } from './types';

const SEVERITIES = new Set<SeveritySetting>(['error', 'warning', 'info', 'hint', 'off']);
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { information: 'info', warn: 'warning', none: 'off', ignore: 'off' };

/** `modelarts.rules` (any shape) → per-code severities: codes upper-cased, aliases resolved, bad entries dropped. */
function ruleSettings(raw: unknown): Record<string, SeveritySetting> {
  const rules: Record<string, SeveritySetting> = {};
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return rules;
  for (const [code, v] of Object.entries(raw as Record<string, unknown>)) {
    if (typeof v !== 'string') continue;
    const sev = v.toLowerCase();
    const setting = SEVERITIES.has(sev as SeveritySetting) ? (sev as SeveritySetting) : SEVERITY_ALIASES[sev];
    if (setting) rules[code.toUpperCase()] = setting;
  }
  return rules;
}

/** Reads the `modelarts` settings section (any shape) into check options. */
export function toCheckOptions(raw: unknown): CheckOptions {
  const opts = defaultOptions();
  if (!raw || typeof raw !== 'object') return opts;
  const s = raw as Record<string, unknown>;
  if (s.profile === 'seed-2021' || s.profile === 'current') opts.profile = s.profile as Profile;
  opts.rules = ruleSettings(s.rules);
  if (Array.isArray(s.configFiles)) opts.configFiles = s.configFiles.filter((g): g is string => typeof g === 'string' && g.length > 0);
  if (s.serviceKind === 'online' || s.serviceKind === 'batch') opts.serviceKind = s.serviceKind as ServiceKind;
  return opts;
}
