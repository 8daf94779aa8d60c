// What a conformance step is, and what it sees of the run: a small module {id, title, run} over a shared context.
// The runner (engine/conformance.ts) calls the steps in order and owns cancellation, timing, cleanup and the report.
import type { Localized, Profile, Related, ServiceKind, Severity } from '../../core/types';
import type { Deployment } from '../../core/deployment';
import type { Engine } from '../connect';
import type { Anchors, Where } from '../findings';
import type { ImageFacts } from '../inspect';
import type { LogTap, Running } from '../container';
import type { ProbeOutcome } from '../probe';
import type { ApiSpec } from '../infer';
import type { KeepAliveResult } from '../keepAlive';
import type { Check, ConformanceCallbacks, ConformanceOptions, Report } from '../report';

/** What a step's run returns; the runner adds id, title and (unless the step measured it) the duration. */
export type StepResult = Omit<Check, 'id' | 'title' | 'durationMs'> & { durationMs?: number };

/** Before a step runs: skip it with a reason, leave it out of the report ('omit'), or run it (undefined). */
export type Gate = { skip: Localized } | 'omit' | undefined;

export interface Step {
  id: string;
  title: Localized;
  /** Shown before a run (the editor's test tree)? Default: yes. */
  planned?: (kind: ServiceKind) => boolean;
  gate?: (ctx: RunContext) => Gate | Promise<Gate>;
  /**
   * Called once, as soon as the container serves (after the start step), so that a check which waits (keep-alive's
   * idle pause) waits while the steps before it run; its `run` collects the result. Must not throw.
   */
  begin?: (ctx: RunContext) => void;
  run(ctx: RunContext): Promise<StepResult>;
}

export interface ModelFolderPaths {
  dir: string;
  dockerfilePath: string;
  configPath?: string;
}

/** The run as the steps share it: fixed inputs first, then what earlier steps found. */
export interface RunContext {
  readonly engine: Engine;
  readonly folder: ModelFolderPaths;
  readonly anchors: Anchors;
  readonly profile: Profile;
  readonly options: ConformanceOptions;
  readonly cb: ConformanceCallbacks;
  readonly signal?: AbortSignal;
  readonly report: Report;
  readonly timings: Record<string, number>;
  /** Every container the run created: the runner removes them. */
  readonly containers: Set<string>;
  readonly tag: string;
  /** How the platform deploys it: port, probes, user, size limit, memory (core/deployment.ts). */
  readonly deployment: Deployment;
  readonly apis: ApiSpec[];
  /** Give up waiting for the container to serve after this long (ms after its start). */
  readonly deadlineMs: number;
  /** The service kind came from the setting or a Dockerfile comment: what the image runs does not change it. */
  readonly kindIsExplicit: boolean;
  /** The build failed: no step after it runs. */
  ended?: boolean;
  facts?: ImageFacts;
  /** The engine could not start the container at all (a missing command). */
  notStarted?: boolean;
  run?: Running;
  logs?: LogTap;
  outcome?: ProbeOutcome;
  /** Something in the container answered on the service port (healthy or not). */
  served?: boolean;
  /** Why ModelArts would send no requests (current: the startup or readiness probe failed); the api steps skip. */
  notReady?: Localized;
  /** The keep-alive probe, started when the container served (steps/keepAlive.ts). */
  keepAlive?: { result: Promise<KeepAliveResult>; stop(): void };
  /**
   * Records an MA4xx finding (unless `rules` turns the code off); `related`: other lines that explain it; `own`: a
   * severity for a note of the code that is not its default (MA411's 8 MB note is info).
   */
  issue(code: string, where: Where, message: Localized, related?: Related[], own?: Severity): void;
  /** A check whose finding is only a warning (by default or by the rules setting) warns; an error fails the run. */
  verdictOf(code: string): 'warn' | 'fail';
  /** The container's last log lines. */
  lastLines(): string[];
  /** The same, as report details. */
  lastDetails(): Localized[];
}
