import type { Lang, Localized, Severity } from './types';

export const L = (en: string, zh: string): Localized => ({ en, zh });

export function pick(text: Localized, lang: Lang): string {
  return lang === 'zh-cn' ? text.zh : text.en;
}

/** Maps a locale string (VS Code's `zh-cn`, `zh-CN`, `en-US`, ...) to a supported UI language. */
export function toLang(locale: string | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh-cn' : 'en';
}

const SEVERITY_ZH: Record<Severity, string> = { error: '错误', warning: '警告', info: '信息', hint: '提示' };

/** A severity as a person reads it (machine formats, JSON and SARIF, keep the English value). */
export const severityWord = (s: Severity, lang: Lang): string => (lang === 'zh-cn' ? SEVERITY_ZH[s] : s);
