// The in-process fuzz cases, run in a worker thread so that the parent can stop a case that hangs (a synchronous
// loop cannot be interrupted from inside its own thread). Before each case the worker writes its index and start
// time into shared memory; the parent's watchdog reads them.
import { parentPort, workerData } from 'node:worker_threads';
import { loadSeeds } from './seeds';
import { runCoreCases, type FuzzSummary } from './core';
import { dockerfileRules } from '../../core/rules/dockerfile';
import { coded, ruleCodeOf } from '../../core/rules/isolate';

export interface WorkerInput {
  seed: number;
  from: number;
  count: number;
  scale?: number;
  /** [index of the running case, Date.now() when it started] */
  clock: SharedArrayBuffer;
  /**
   * Faults that no real input produces, injected by the tests that prove the harness counts them: a case that
   * never ends, or one Dockerfile rule that throws.
   */
  inject?: { hangAt?: number; throwIn?: string };
}

export type WorkerMessage =
  | { type: 'crash'; crash: FuzzSummary['crashes'][number] }
  | { type: 'progress'; sum: Omit<FuzzSummary, 'crashes'> }
  | { type: 'done'; sum: Omit<FuzzSummary, 'crashes'> };

const input = workerData as WorkerInput;
const clock = new Float64Array(input.clock);
const at = input.inject?.throwIn ? dockerfileRules.findIndex((r) => ruleCodeOf(r) === input.inject!.throwIn) : -1;
if (at >= 0) dockerfileRules[at] = coded(input.inject!.throwIn!, () => { throw new Error('injected fault'); });
const stats = ({ crashes: _c, ...rest }: FuzzSummary) => rest;
const sum = runCoreCases(loadSeeds(), {
  seed: input.seed,
  from: input.from,
  count: input.count,
  scale: input.scale,
  onCase: (i) => {
    clock[0] = i;
    clock[1] = Date.now();
    if (i === input.inject?.hangAt) for (;;);
  },
  onCrash: (crash) => parentPort!.postMessage({ type: 'crash', crash } satisfies WorkerMessage),
  onProgress: (_n, s) => parentPort!.postMessage({ type: 'progress', sum: stats(s) } satisfies WorkerMessage),
});
parentPort!.postMessage({ type: 'done', sum: stats(sum) } satisfies WorkerMessage);
