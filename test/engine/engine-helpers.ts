// Shared by the engine tests: a real engine or, under CI, a failure (never a silent skip).
import * as path from 'node:path';
import { connectEngine, type Engine } from '../../client/src/engine/connect';
import { labelledContainers } from '../../client/src/engine/container';
import type { Report } from '../../client/src/engine/report';

export const FIXTURES = path.resolve(__dirname, '../fixtures/images');
export const EXAMPLES = path.resolve(__dirname, '../../examples');

let cached: Promise<Engine | undefined> | undefined;

/** The engine, or undefined outside CI when none answers (the test then skips with the reason). With CI set: throws. */
export function engineOrSkip(): Promise<Engine | undefined> {
  cached ??= connectEngine().catch((e) => {
    if (process.env.CI) throw e;
    process.stderr.write(`engine tests skipped: ${(e as Error).message.split('\n')[0]} (run npm run engine:up)\n`);
    return undefined;
  });
  return cached;
}

/** The MA4xx codes a report found, sorted. */
export const codesOf = (r: Report): string[] => [...new Set(r.findings.map((f) => f.code))].sort();

export async function assertNoLabelled(engine: Engine): Promise<string[]> {
  return labelledContainers(engine);
}

/** Options that keep the fixture suite quick: limits lowered where a fixture waits on purpose. */
export const FAST = { stopTimeoutS: 5, startTimeoutMs: 8000, requestTimeoutMs: 10_000, removeImage: false } as const;
