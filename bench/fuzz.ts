// `npm run fuzz`: 100k seeded cases — most through the core checks in process, the rest as edits and requests
// against the spawned server. Reports cases/sec, crashes, hangs and the slowest answer. A crash (a throw, a rule
// exception, a malformed finding) or a hang (a case over --case-limit seconds, stopped by a watchdog) makes the
// exit code 1. --save writes each crash as a regression folder.
// Usage: node --import tsx bench/fuzz.ts [--cases 100000] [--server 3000] [--seed 1] [--case-limit 20] [--save]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadSeeds } from './fuzz/seeds';
import type { Crash, FuzzSummary } from './fuzz/core';
import { runGuardedCoreCases, DEFAULT_CASE_LIMIT_MS } from './fuzz/guard';
import { runServerRound } from './fuzz/server';
import { ensureBuilt } from '../test/server/lsp';

const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};

export const REGRESSIONS = path.resolve(__dirname, '..', 'test', 'fixtures', 'regressions');

/** A crash as a regression folder: the mutated files and crash.json (how it was found, what it threw). */
export function saveCrash(c: Crash): string {
  const dir = path.join(REGRESSIONS, `fuzz-${c.seed}-${c.index}`);
  fs.mkdirSync(dir, { recursive: true });
  for (const [rel, text] of Object.entries(c.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const crash = { seed: c.seed, index: c.index, from: c.from, file: c.file, ops: c.ops, error: c.error };
  fs.writeFileSync(path.join(dir, 'crash.json'), JSON.stringify(crash, null, 2) + '\n');
  return dir;
}

async function main(): Promise<void> {
  const total = arg('--cases', 100_000);
  const serverCases = Math.min(total, arg('--server', 3_000));
  const seed = arg('--seed', 1);
  const caseLimitMs = arg('--case-limit', DEFAULT_CASE_LIMIT_MS / 1000) * 1000;
  const seeds = loadSeeds();
  ensureBuilt();
  console.error(`fuzz: ${total} cases (${total - serverCases} in process, ${serverCases} against the server), seed ${seed}, ${seeds.length} seed folders`);

  const core = await runGuardedCoreCases(seeds, {
    seed,
    count: total - serverCases,
    caseLimitMs,
    // Progress with the totals so far, so a long run stopped early still tells what it found.
    onProgress: (n, s) => n % 5_000 === 0 && console.error(`  core ${n} cases, ${s.crashes.length} crashes, ${s.hangs.length} hangs, ` +
      `slowest ${s.slowestMs.toFixed(0)} ms (${s.slowestCase}), >1 s: ${s.overOneSecond}`),
  });
  const rounds = Math.max(1, Math.ceil(serverCases / 1000));
  const server: (FuzzSummary & { requests: number; publishes: number })[] = [];
  for (let k = 0; k < rounds && serverCases > 0; k++) {
    server.push(await runServerRound(seeds, { seed: seed * 1000 + k, count: Math.min(1000, serverCases - k * 1000) }));
    console.error(`  server round ${k + 1}/${rounds} done`);
  }
  const all = [core, ...server];
  const crashes = all.flatMap((s) => s.crashes);
  const slowest = all.reduce((a, b) => (b.slowestMs > a.slowestMs ? b : a));
  const line = (label: string, s: FuzzSummary) =>
    `${label.padEnd(8)} ${String(s.cases).padStart(7)} cases  ${(s.cases / (s.ms / 1000)).toFixed(0).padStart(6)} cases/s  ` +
    `${String(s.crashes.length).padStart(3)} crashes  slowest ${s.slowestMs.toFixed(0)} ms  >1 s: ${s.overOneSecond}`;
  console.log(line('core', core) + `  ${core.hangs.length} hangs (limit ${caseLimitMs / 1000} s a case)`);
  server.forEach((s, k) => console.log(line(`server${k + 1}`, s) + `  (${s.requests} requests, ${s.publishes} publishes waited for)`));
  console.log(`total    ${all.reduce((n, s) => n + s.cases, 0)} cases, ${crashes.length} crashes, ${core.hangs.length} hangs, ` +
    `slowest answer ${slowest.slowestMs.toFixed(0)} ms (${slowest.slowestCase}), ${all.reduce((n, s) => n + s.overOneSecond, 0)} answers over 1 s`);
  const seen = new Set<string>();
  for (const c of crashes) {
    const key = c.error.split('\n').slice(0, 2).join('|');
    if (!seen.has(key)) {
      seen.add(key);
      console.log(`\ncrash ${c.seed}:${c.index} (${c.from}, ${c.file}, ${c.ops.join('+')}):\n${c.error}`);
      if (process.argv.includes('--save')) console.log(`saved to ${saveCrash(c)}`);
    }
  }
  for (const h of core.hangs) {
    console.log(`\nhang ${h.seed}:${h.index} (${h.from}, ${h.file}, ${h.ops.join('+')}): still running after ${h.limitMs / 1000} s; ` +
      `replay with makeCase(seeds, ${h.seed}, ${h.index})`);
  }
  process.exitCode = crashes.length || core.hangs.length ? 1 : 0;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
