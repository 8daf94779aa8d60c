import type { Lang, Localized } from './types';

export const L = (en: string, zh: string): Localized => ({ en, zh });

export function pick(text: Localized, lang: Lang): string {
  return lang === 'zh-cn' ? text.zh : text.en;
}

/** Maps a locale string (VS Code's `zh-cn`, `zh-CN`, `en-US`, ...) to a supported UI language. */
export function toLang(locale: string | undefined): Lang {
  return locale && /^zh/i.test(locale) ? 'zh-cn' : 'en';
}

/** A text not translated yet: the same words in both languages (say so where it is used). */
