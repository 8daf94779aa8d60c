// The in-process fuzz cases with a time limit per case: they run in a worker thread (bench/fuzz/worker.ts) and a
// watchdog here stops the worker when one case runs longer than the limit, records it as a hang with its seed and
// index, and starts a new worker at the next case. A worker rather than a child process: it starts in a fraction
// of the time, shares the loaded seeds' code cache, and Worker.terminate() stops even a synchronous endless loop.
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { makeCase, type Crash, type FuzzSummary } from './core';
import type { SeedFolder } from './seeds';
import type { WorkerInput, WorkerMessage } from './worker';

export interface Hang {
  seed: number;
  index: number;
  from: string;
  file: string;
  ops: string[];
  limitMs: number;
}

export interface GuardedOptions {
  seed: number;
  count: number;
  from?: number;
  scale?: number;
  /** A case running longer than this is a hang; default 20 s (the slowest real case takes well under 1 s). */
  caseLimitMs?: number;
  onProgress?: (done: number, sofar: FuzzSummary & { hangs: Hang[] }) => void;
  inject?: WorkerInput['inject'];
}

export const DEFAULT_CASE_LIMIT_MS = 20_000;

/** Runs cases [from, from + count) in workers; a hang costs the limit, then the run goes on after it. */
export async function runGuardedCoreCases(seeds: SeedFolder[], o: GuardedOptions): Promise<FuzzSummary & { hangs: Hang[] }> {
  const limit = o.caseLimitMs ?? DEFAULT_CASE_LIMIT_MS;
  const total: FuzzSummary & { hangs: Hang[] } = { cases: 0, crashes: [], slowestMs: 0, slowestCase: '', overOneSecond: 0, ms: 0, hangs: [] };
  const end = (o.from ?? 0) + o.count;
  let next = o.from ?? 0;
  const t0 = Date.now();
  while (next < end) {
    // Progress: the finished workers' totals with the running one's figures so far.
    const r = await oneWorker({ ...o, from: next, count: end - next }, limit, (w) =>
      o.onProgress?.(total.cases + w.cases, {
        ...total, cases: total.cases + w.cases, crashes: [...total.crashes, ...w.crashes], overOneSecond: total.overOneSecond + w.overOneSecond,
        ...(w.slowestMs > total.slowestMs ? { slowestMs: w.slowestMs, slowestCase: w.slowestCase } : {}),
      }));
    total.crashes.push(...r.crashes);
    total.cases += r.cases;
    total.overOneSecond += r.overOneSecond;
    if (r.slowestMs > total.slowestMs) Object.assign(total, { slowestMs: r.slowestMs, slowestCase: r.slowestCase });
    if (r.hungAt === undefined) break;
    const c = makeCase(seeds, o.seed, r.hungAt, o.scale ?? 1);
    total.hangs.push({ seed: o.seed, index: r.hungAt, from: c.from, file: c.file, ops: c.ops, limitMs: limit });
    total.cases++;
    next = r.hungAt + 1;
  }
  total.ms = Date.now() - t0;
  return total;
}

type WorkerResult = Omit<FuzzSummary, 'ms'> & { hungAt?: number };

function oneWorker(o: GuardedOptions & { from: number }, limit: number, progress: (sofar: WorkerResult) => void): Promise<WorkerResult> {
  const clock = new SharedArrayBuffer(16);
  const view = new Float64Array(clock);
  view[0] = -1;
  const input: WorkerInput = { seed: o.seed, from: o.from, count: o.count, scale: o.scale, clock, inject: o.inject };
  // Node 20's module hooks of `--import tsx` do not reach a worker: register tsx's require hook in it, then load
  // the TypeScript entry (under a bundle or plain JS the entry is required as is).
  const entry = path.join(__dirname, __filename.endsWith('.ts') ? 'worker.ts' : 'worker.js');
  const boot = `${entry.endsWith('.ts') ? "require('tsx/cjs');" : ''} require(${JSON.stringify(entry)});`;
  const w = new Worker(boot, { eval: true, workerData: input });
  const res: WorkerResult = { cases: 0, crashes: [], slowestMs: 0, slowestCase: '', overOneSecond: 0 };
  return new Promise((resolve, reject) => {
    const watch = setInterval(() => {
      if (view[0] >= 0 && Date.now() - view[1] > limit) {
        res.hungAt = view[0];
        // Cases before the hung one finished: count them from the index, not from the last progress message.
        res.cases = view[0] - o.from;
        clearInterval(watch);
        void w.terminate();
      }
    }, Math.min(250, limit / 4));
    w.on('message', (m: WorkerMessage) => {
      if (m.type === 'crash') res.crashes.push(m.crash as Crash);
      else {
        Object.assign(res, { ...m.sum, crashes: res.crashes });
        progress(res);
      }
    });
    w.on('error', (e) => (clearInterval(watch), reject(e)));
    w.on('exit', () => (clearInterval(watch), resolve(res)));
  });
}
