// Options shared by `check` and `test`: profile, language, rule overrides, service kind.
import type { CheckOptions, Lang, SeveritySetting } from '../core/types';
import { defaultOptions } from '../core/types';
import { toLang } from '../core/i18n';

export class UsageError extends Error {}

const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

function parseProfile(v: string | undefined): CheckOptions['profile'] {
  if (v === undefined) return 'seed-2021';
  if (v === 'seed-2021' || v === 'current') return v;
  throw new UsageError(`--profile must be seed-2021 or current, not "${v}"`);
}

export function parseLang(v: string | undefined): Lang {
  if (v === undefined) return toLang(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);
  if (v === 'en' || v === 'zh-cn') return v;
  throw new UsageError(`--lang must be en or zh-cn, not "${v}"`);
}

/** `--rule MA116=off --rule MA212=error` → overrides. */
function parseRuleOverrides(values: string[] | undefined): CheckOptions['rules'] {
  const rules: CheckOptions['rules'] = {};
  for (const v of values ?? []) {
    for (const item of v.split(',')) {
      const m = /^(MA\d{3})=(\w+)$/.exec(item.trim());
      if (!m || !SEVERITIES.includes(m[2] as SeveritySetting)) {
        throw new UsageError(`--rule expects CODE=${SEVERITIES.join('|')} (e.g. MA116=off), not "${item}"`);
      }
      rules[m[1]] = m[2] as SeveritySetting;
    }
  }
  return rules;
}

function parseServiceKind(v: string | undefined): CheckOptions['serviceKind'] {
  if (v === undefined) return undefined;
  if (v === 'online' || v === 'batch') return v;
  throw new UsageError(`--service must be online or batch, not "${v}"`);
}

export function checkOptionsFrom(values: { profile?: string; rule?: string[]; service?: string; 'config-file'?: string[] }): CheckOptions {
  return {
    ...defaultOptions(),
    profile: parseProfile(values.profile),
    rules: parseRuleOverrides(values.rule),
    serviceKind: parseServiceKind(values.service),
    configFiles: values['config-file'] ?? [],
  };
}

/** The parseArgs options both commands take. */
export const COMMON_OPTIONS = {
  format: { type: 'string', default: 'text' },
  profile: { type: 'string' },
  lang: { type: 'string' },
  rule: { type: 'string', multiple: true },
  service: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;
