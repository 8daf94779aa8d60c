// Is dist/ older than anything it is built from? A cheap mtime walk (a few hundred stats): the tests that spawn
// dist/server.js or dist/cli.js must never run yesterday's code.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const BUNDLES = ['dist/extension.js', 'dist/server.js', 'dist/server-service.js', 'dist/cli.js'];
const SOURCES = [
  'core', 'engine', 'server', 'client', 'cli', 'schemas', 'snippets',
  'scripts/build.mjs', 'scripts/gen-validator.mjs', 'package.json', 'tsconfig.json',
];

function newest(p, best) {
  let st;
  try {
    st = statSync(p);
  } catch {
    return best;
  }
  if (!st.isDirectory()) return st.mtimeMs > best.ms ? { ms: st.mtimeMs, file: p } : best;
  for (const n of readdirSync(p)) if (n !== 'node_modules' && n !== 'dist') best = newest(join(p, n), best);
  return best;
}

/** Why dist/ must be rebuilt (a missing bundle, or the newest source file), or undefined when it is fresh. */
export function staleReason(root = '.') {
  let oldest = Infinity;
  for (const b of BUNDLES) {
    try {
      oldest = Math.min(oldest, statSync(join(root, b)).mtimeMs);
    } catch {
      return `${b} is missing`;
    }
  }
  const src = SOURCES.reduce((best, s) => newest(join(root, s), best), { ms: 0, file: '' });
  return src.ms > oldest ? `${src.file} is newer than the bundle` : undefined;
}

// What goes into the .vsix besides dist/ (.vscodeignore keeps the rest out).
const PACKAGED = ['dist', 'docs', 'media', 'snippets', 'schemas', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'README.md', '.vscodeignore'];

/** Why the .vsix must be packaged again (missing, dist/ stale, or a packaged file newer), or undefined when it is fresh. */
export function vsixStaleReason(vsix, root = '.') {
  let built;
  try {
    built = statSync(vsix).mtimeMs;
  } catch {
    return `${vsix} is missing`;
  }
  const dist = staleReason(root);
  if (dist) return dist;
  const src = PACKAGED.reduce((best, s) => newest(join(root, s), best), { ms: 0, file: '' });
  return src.ms > built ? `${src.file} is newer than ${vsix}` : undefined;
}
