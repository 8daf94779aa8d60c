// Where the rule pages live, as file: URIs. The server bundle is dist/server.js; the pages are docs/rules/<CODE>.md
// (English) and docs/rules/zh-cn/<CODE>.md (Chinese) beside dist/, both in the repository and in the packaged extension.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang } from './types';

const DOCS_DIR = path.resolve(__dirname, '..', 'docs', 'rules');
const found = new Map<string, boolean>();

/** The page of a code in a language; the English page when that language has none (a test fails on that). */
export function ruleDocPath(code: string, lang: Lang): string {
  const en = path.join(DOCS_DIR, `${code}.md`);
  if (lang === 'en') return en;
  const page = path.join(DOCS_DIR, lang, `${code}.md`);
  if (!found.has(page)) found.set(page, fs.existsSync(page));
  return found.get(page) ? page : en;
}

export function ruleDocUri(code: string, lang: Lang): string {
  return pathToFileURL(ruleDocPath(code, lang)).href;
}
