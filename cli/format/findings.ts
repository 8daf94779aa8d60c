// The one flat, 1-based shape findings take outside the editor (json, and the `findings` of `test --format json`).
import * as path from 'node:path';
import type { Finding, Lang } from '../../core/types';
import { pick } from '../../core/i18n';

export interface FlatFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  code: string;
  severity: Finding['severity'];
  message: string;
}

/** Paths under the working directory print relative to it (what CI logs and code-scanning expect). */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

export function flatten(f: Finding, lang: Lang): FlatFinding {
  return {
    file: displayPath(f.file),
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
    code: f.code,
    severity: f.severity,
    message: pick(f.message, lang),
  };
}

export function countBySeverity(fs: Finding[]): Record<Finding['severity'], number> {
  const c = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const f of fs) c[f.severity]++;
  return c;
}
