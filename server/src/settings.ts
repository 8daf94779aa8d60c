// The `modelarts.*` settings as the client sends them, turned into CheckOptions. Bad values fall back to defaults:
// a typo in settings.json must not stop the checks.
import type { CheckOptions, Profile, ServiceKind, SeveritySetting } from '../../core/types';
import { defaultOptions } from '../../core/types';

const SEVERITIES = new Set<SeveritySetting>(['error', 'warning', 'info', 'hint', 'off']);
const SEVERITY_ALIASES: Record<string, SeveritySetting> = { information: 'info', warn: 'warning', none: 'off', ignore: 'off' };

/** Reads the `modelarts` settings section (any shape) into check options. */
export function toCheckOptions(raw: unknown): CheckOptions {
  const opts = defaultOptions();
  if (!raw || typeof raw !== 'object') return opts;
  const s = raw as Record<string, unknown>;
  if (s.profile === 'seed-2021' || s.profile === 'current') opts.profile = s.profile as Profile;
  if (s.rules && typeof s.rules === 'object' && !Array.isArray(s.rules)) {
    for (const [code, v] of Object.entries(s.rules as Record<string, unknown>)) {
      if (typeof v !== 'string') continue;
      const sev = v.toLowerCase();
      const setting = SEVERITIES.has(sev as SeveritySetting) ? (sev as SeveritySetting) : SEVERITY_ALIASES[sev];
      if (setting) opts.rules[code.toUpperCase()] = setting;
    }
  }
  if (Array.isArray(s.configFiles)) opts.configFiles = s.configFiles.filter((g): g is string => typeof g === 'string' && g.length > 0);
  if (s.serviceKind === 'online' || s.serviceKind === 'batch') opts.serviceKind = s.serviceKind as ServiceKind;
  return opts;
}

/** True when two option sets check the same way (avoids re-checking everything on unrelated setting changes). */
export function sameOptions(a: CheckOptions, b: CheckOptions): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
