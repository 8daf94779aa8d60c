// The in-process fuzz target: a mutated model folder through folder discovery and every rule (checkModelFolder).
// A crash is a thrown error; a malformed finding (bad code, empty message, range outside the file) counts too.
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { checkModelFolder } from '../../core/check';
import { defaultOptions, type CheckOptions, type Finding } from '../../core/types';
import { findModelFolders } from '../../core/folders';
import { DEPLOY_FILE } from '../../core/deployment';
import { onRuleError } from '../../core/rules/isolate';
import { memFiles } from '../inputs';
import { Rng } from './prng';
import { mutate, type Kind } from './mutate';
import type { SeedFolder } from './seeds';

export interface Crash {
  seed: number;
  index: number;
  from: string;
  file: string;
  ops: string[];
  error: string;
  files: Record<string, string>;
}

export interface FuzzSummary {
  cases: number;
  crashes: Crash[];
  slowestMs: number;
  slowestCase: string;
  overOneSecond: number;
  ms: number;
}

export const kindOf = (file: string): Kind => (file.endsWith('.json') ? 'json' : /(^|\/)Dockerfile/.test(file) ? 'dockerfile' : 'text');

/** Case `index` of run `seed`: which seed folder, which file, which mutations — the same every time. */
export function makeCase(
  seeds: SeedFolder[], seed: number, index: number, scale: number,
): { from: string; file: string; ops: string[]; files: Record<string, string> } {
  const r = Rng.forCase(seed, index);
  const s = r.pick(seeds);
  const names = Object.keys(s.files);
  const main = names.filter((n) => n === 'config.json' || n === 'Dockerfile' || n === DEPLOY_FILE);
  const file = main.length && r.chance(0.9) ? r.pick(main) : r.pick(names);
  const m = mutate(s.files[file], kindOf(file), r, scale);
  return { from: s.name, file, ops: m.ops, files: { ...s.files, [file]: m.text } };
}

// Line counts per file text, computed once per case: splitting a megabyte file for every finding would make the
// harness, not the checks, the slowest part of a case.
const lineCounts = new Map<string, number>();
const lineCount = (text: string): number => {
  let n = lineCounts.get(text);
  if (n === undefined) {
    if (lineCounts.size > 16) lineCounts.clear();
    n = text.split(/\r\n|\r|\n/).length;
    lineCounts.set(text, n);
  }
  return n;
};

function problem(f: Finding, files: Record<string, string>): string | undefined {
  if (!/^MA\d{3}$/.test(f.code)) return `bad code ${f.code}`;
  if (!f.message?.en || !f.message?.zh) return `${f.code}: empty message`;
  const { start, end } = f.range;
  if ([start.line, start.character, end.line, end.character].some((n) => !Number.isInteger(n) || n < 0)) return `${f.code}: bad range`;
  if (start.line > end.line || (start.line === end.line && start.character > end.character)) return `${f.code}: range ends before it starts`;
  // LSP counts \r, \n and \r\n as line ends, as the findings do.
  const text = files[f.file];
  if (text !== undefined && start.line > lineCount(text)) return `${f.code}: range starts after the end of ${path.basename(f.file)}`;
  return undefined;
}

/** Runs one case; returns an error text when it crashed. */
export function runCase(files: Record<string, string>, dir: string, opts: CheckOptions = defaultOptions()): string | undefined {
  const abs: Record<string, string> = {};
  for (const [rel, text] of Object.entries(files)) abs[path.posix.join(dir, rel)] = text;
  const fs = memFiles(abs);
  // A rule that throws is swallowed by the check (the editor must go on): here it is a crash like any other.
  const off = onRuleError((code, _dir, e) => {
    throw new Error(`rule ${code} failed: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
  });
  try {
    let folders = findModelFolders([dir], fs, opts);
    if (!folders.length) {
      // Discovery may rightly reject a mangled config: check the folder as the editor would anyway.
      const configPath = abs[`${dir}/config.json`] !== undefined ? `${dir}/config.json` : undefined;
      const dockerfilePath = abs[`${dir}/Dockerfile`] !== undefined ? `${dir}/Dockerfile` : undefined;
      const deployPath = abs[`${dir}/${DEPLOY_FILE}`] !== undefined ? `${dir}/${DEPLOY_FILE}` : undefined;
      folders = [{ dir, configPath, dockerfilePath, deployPath }];
    }
    for (const folder of folders) {
      for (const f of checkModelFolder(folder, opts, fs)) {
        const p = problem(f, abs);
        if (p) return `malformed finding: ${p}`;
      }
    }
  } catch (e) {
    return e instanceof Error ? (e.stack ?? e.message).split('\n').slice(0, 6).join('\n') : String(e);
  } finally {
    off();
  }
  return undefined;
}

export interface CoreRunOptions {
  seed: number;
  count: number;
  from?: number;
  scale?: number;
  onProgress?: (done: number, sofar: FuzzSummary) => void;
  /** Called before each case (the worker's watchdog reads it) and with each crash as it happens. */
  onCase?: (index: number) => void;
  onCrash?: (c: Crash) => void;
}

export function runCoreCases(seeds: SeedFolder[], o: CoreRunOptions): FuzzSummary {
  const sum: FuzzSummary = { cases: 0, crashes: [], slowestMs: 0, slowestCase: '', overOneSecond: 0, ms: 0 };
  const t0 = performance.now();
  const profiles: CheckOptions[] = [defaultOptions(), { ...defaultOptions(), profile: 'current' }];
  for (let i = o.from ?? 0; i < (o.from ?? 0) + o.count; i++) {
    const c = makeCase(seeds, o.seed, i, o.scale ?? 1);
    o.onCase?.(i);
    const t = performance.now();
    const err = runCase(c.files, `/fuzz/m${i % 7}`, profiles[i % 2]);
    const dt = performance.now() - t;
    sum.cases++;
    if (dt > sum.slowestMs) {
      sum.slowestMs = dt;
      sum.slowestCase = `${o.seed}:${i} (${c.from}, ${c.file}, ${c.ops.join('+')})`;
    }
    if (dt > 1000) sum.overOneSecond++;
    if (err) {
      const crash = { seed: o.seed, index: i, from: c.from, file: c.file, ops: c.ops, error: err, files: c.files };
      sum.crashes.push(crash);
      o.onCrash?.(crash);
    }
    if (o.onProgress && i % 1000 === 999) o.onProgress(sum.cases, sum);
  }
  sum.ms = performance.now() - t0;
  return sum;
}
