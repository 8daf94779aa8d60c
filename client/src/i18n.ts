// User-facing text of the client in the UI language: the same L(en, zh) pairs the server and CLI use.
import * as vscode from 'vscode';
import { L, pick, toLang } from '../../core/i18n';
import type { Lang, Localized } from '../../core/types';

export const lang = (): Lang => toLang(vscode.env.language);
export const t = (en: string, zh: string): string => pick(L(en, zh), lang());
export const tl = (text: Localized): string => pick(text, lang());
