// Runs the node:test suites written in TypeScript (through tsx). Node 20's --test does not expand globs.
// Usage: node scripts/run-tests.mjs [folder-or-file ...]   (default: every test/**/*.test.ts except test/e2e)
// Rebuilds dist/ first when any source is newer than it: the server, CLI and e2e tests run the bundle.
// When the run included test/engine, checks afterwards that no labelled container remains (test/engine/after-suite.ts).
import { readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import { spawnSync } from 'node:child_process';
import { staleReason } from './lib/bundle-fresh.mjs';

const args = process.argv.slice(2);
const roots = args.length ? args : ['test'];
const files = [];
const walk = (p, top) => {
  if (statSync(p).isDirectory()) {
    if (!top && !args.length && p === join('test', 'e2e')) return;
    for (const n of readdirSync(p).sort()) if (n !== 'node_modules' && n !== 'fixtures') walk(join(p, n), false);
  } else if (p.endsWith('.test.ts')) files.push(p);
};
for (const r of roots) walk(r, true);
if (!files.length) {
  console.error('no test files under', roots.join(' '));
  process.exit(1);
}
const stale = staleReason();
if (stale) {
  console.error(`run-tests: rebuilding dist/ (${stale})`);
  const b = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', ...files], { stdio: 'inherit' });
let status = r.status ?? 1;
if (files.some((f) => resolve(f).startsWith(resolve('test', 'engine') + sep))) {
  const after = spawnSync(process.execPath, ['--import', 'tsx', join('test', 'engine', 'after-suite.ts')], { stdio: 'inherit' });
  status ||= after.status ?? 1;
}
process.exit(status);
