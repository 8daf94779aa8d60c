// The files of a new model folder, rendered from the extension's snippets (snippets/*.json), so the scaffold and
// the snippets a person inserts are the same text. Pure (no vscode): the unit test checks it has zero findings.
import * as fs from 'node:fs';
import * as path from 'node:path';

import type { ServiceKind } from '../../core/types';

interface Snippet { prefix: string | string[]; body: string | string[]; description?: string }

function snippets(dir: string, file: string): Snippet[] {
  return Object.values(JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Record<string, Snippet>);
}

function byPrefix(list: Snippet[], prefix: string): Snippet {
  const s = list.find((x) => (Array.isArray(x.prefix) ? x.prefix : [x.prefix]).includes(prefix));
  if (!s) throw new Error(`no snippet with prefix ${prefix}`);
  return s;
}

/**
 * Snippet body -> plain text: placeholders take their default (or first choice), tabstops and variables vanish,
 * escapes resolve. Written by hand: VS Code's snippet parser is not a published package, and these bodies use
 * only the flat subset (no nesting, no transforms).
 */
export function expandSnippet(body: string | string[]): string {
  const text = Array.isArray(body) ? body.join('\n') : body;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\' && i + 1 < text.length && '$}\\'.includes(text[i + 1])) { out += text[++i]; continue; }
    if (c !== '$') { out += c; continue; }
    const rest = text.slice(i);
    const m = /^\$\{\d+:([^}]*)\}/.exec(rest) ?? /^\$\{\d+\|([^,|}]*)[^}]*\|\}/.exec(rest) ?? /^\$\{?\d+\}?/.exec(rest) ?? /^\$\{?[A-Z_]+\}?/.exec(rest);
    if (!m) { out += c; continue; }
    out += m[1] ?? '';
    i += m[0].length - 1;
  }
  return out;
}

/** A snippet body as the content of a file: expanded, ending with a newline. */
export function renderSnippet(body: string | string[]): string {
  const out = expandSnippet(body);
  const text = Array.isArray(body) ? body.join('\n') : body;
  return text.endsWith('\n') ? out : out + '\n';
}

/** config.json, Dockerfile, server.py (and run.sh for a batch service). */
export function scaffoldFiles(snippetsDir: string, kind: ServiceKind): { name: string; text: string; mode?: number }[] {
  const files: { name: string; text: string; mode?: number }[] = [
    { name: 'config.json', text: renderSnippet(byPrefix(snippets(snippetsDir, 'config-json.json'), `modelarts-${kind}`).body) },
    { name: 'Dockerfile', text: renderSnippet(byPrefix(snippets(snippetsDir, 'dockerfile.json'), `modelarts-${kind}`).body) },
    { name: 'server.py', text: renderSnippet(byPrefix(snippets(snippetsDir, 'python.json'), 'modelarts-server').body) },
  ];
  if (kind === 'batch') {
    files.push({ name: 'run.sh', text: renderSnippet(byPrefix(snippets(snippetsDir, 'shellscript.json'), 'modelarts-run-sh').body), mode: 0o755 });
  }
  return files;
}

/** The first free folder name for a new model folder in `parent`: `model-online`, else `model-online-2`, `-3`, … */
export function freeFolderName(parent: string, kind: ServiceKind): string {
  const stem = `model-${kind}`;
  if (!fs.existsSync(path.join(parent, stem))) return stem;
  for (let n = 2; ; n++) if (!fs.existsSync(path.join(parent, `${stem}-${n}`))) return `${stem}-${n}`;
}
