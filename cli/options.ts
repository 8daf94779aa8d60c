// Options shared by `check` and `test`: profile, language, rule overrides, service kind.
import type { CheckOptions, Lang, Localized, SeveritySetting } from '../core/types';
import { defaultOptions } from '../core/types';
import { L, pick, toLang } from '../core/i18n';

/** Bad usage (exit 2), said in both languages; `message` is the English. */
export class UsageError extends Error {
  constructor(readonly text: Localized) {
    super(text.en);
  }
}

/** The language of the environment's locale (LC_ALL, LC_MESSAGES, LANG), as every command defaults to. */
const envLang = (): Lang => toLang(process.env.LC_ALL || process.env.LC_MESSAGES || process.env.LANG);

/** The language a command line asks for (`--lang X`, `--lang=X`), else the environment's; never throws (for its errors). */
export function langOfArgv(argv: string[]): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i].startsWith('--lang=') ? argv[i].slice(7) : argv[i + 1];
  return v === 'en' || v === 'zh-cn' ? v : envLang();
}

/** A usage error as printed: ours in the chosen language, node's parseArgs ones with their option named. */
export function usageText(e: Error, lang: Lang): string {
  if (e instanceof UsageError) return pick(e.text, lang);
  const opt = /'([^']+)'/.exec(e.message)?.[1];
  const code = (e as { code?: string }).code;
  if (lang === 'zh-cn' && code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && opt) return `未知选项 ${opt}`;
  if (lang === 'zh-cn' && code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && opt) return `选项 ${opt.split(' ')[0]} 的值无效`;
  if (lang === 'zh-cn' && code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数：${opt ?? e.message}`;
  return e.message;
}

export const USAGE_HINT = L('Run "modelarts-image --help" for usage.', '运行 "modelarts-image --help" 查看用法。');

const SEVERITIES: SeveritySetting[] = ['error', 'warning', 'info', 'hint', 'off'];

function parseProfile(v: string | undefined): CheckOptions['profile'] {
  if (v === undefined) return 'seed-2021';
  if (v === 'seed-2021' || v === 'current') return v;
  throw new UsageError(L(`--profile must be seed-2021 or current, not "${v}"`, `--profile 只能是 seed-2021 或 current，而不是 "${v}"`));
}

export function parseLang(v: string | undefined): Lang {
  if (v === undefined) return envLang();
  if (v === 'en' || v === 'zh-cn') return v;
  throw new UsageError(L(`--lang must be en or zh-cn, not "${v}"`, `--lang 只能是 en 或 zh-cn，而不是 "${v}"`));
}

/** `--rule MA116=off --rule MA212=error` → overrides. */
function parseRuleOverrides(values: string[] | undefined): CheckOptions['rules'] {
  const rules: CheckOptions['rules'] = {};
  for (const v of values ?? []) {
    for (const item of v.split(',')) {
      const m = /^(MA\d{3})=(\w+)$/.exec(item.trim());
      if (!m || !SEVERITIES.includes(m[2] as SeveritySetting)) {
        const want = `CODE=${SEVERITIES.join('|')}`;
        throw new UsageError(L(`--rule expects ${want} (e.g. MA116=off), not "${item}"`, `--rule 的格式应为 ${want}（例如 MA116=off），而不是 "${item}"`));
      }
      rules[m[1]] = m[2] as SeveritySetting;
    }
  }
  return rules;
}

function parseServiceKind(v: string | undefined): CheckOptions['serviceKind'] {
  if (v === undefined) return undefined;
  if (v === 'online' || v === 'batch') return v;
  throw new UsageError(L(`--service must be online or batch, not "${v}"`, `--service 只能是 online 或 batch，而不是 "${v}"`));
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
