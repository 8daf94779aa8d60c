// The conformance report: what every consumer (CLI text/json/junit, the VS Code view) reads.
import type { Finding, Localized, Profile, ServiceKind, Severity } from '../core/types';
import type { Engine } from './connect';
import type { Deployment, DeploymentOverrides } from '../core/deployment';

/** 'warn': something ModelArts tolerates but the user should fix (MA410); it does not fail the run. */
type CheckStatus = 'pass' | 'warn' | 'fail' | 'skip';

/** A check whose person-facing texts are `T`: Localized in a run's report, string once a language is picked. */
interface CheckOf<T> {
  id: string;
  title: T;
  status: CheckStatus;
  durationMs: number;
  message: T;
  code?: string;
  /** Lines that explain the result: build output, last log lines, the layer table, the answer. */
  details?: T[];
  /** Where in the folder's files the problem is (build failures: the failed Dockerfile step). */
  location?: { file: string; line: number };
}

/** A check of the conformance run, in both languages (engine/reportText.ts picks one). */
export type Check = CheckOf<Localized>;
/** A check in one language: the JSON and text reports, and the push's checks (built in the chosen language). */
export type ShownCheck = CheckOf<string>;

export interface Report {
  /** No check failed (warnings do not count). */
  passed: boolean;
  folder: string;
  image?: string;
  engine?: string;
  serviceKind: ServiceKind;
  checks: Check[];
  findings: Finding[];
  /**
   * Milliseconds: connect, build, upload, start (create+start), serving (start → first answer), healthy, `api METHOD url`,
   * stop, cleanup, total, overhead (total − build − serving − stop: the kit's own time).
   */
  timings: Record<string, number>;
  /** The container port the run published and probed, and where it came from (core/deployment.ts; 'profile': seed-2021's 8080). */
  port?: { port: number; from: Deployment['portFrom'] | 'profile' };
  /** Who the container ran as (the platform's user, a flag's, or the image's own USER) and its memory limit, if any. */
  runAs?: { user: string; fromImage: boolean; memoryBytes?: number; gpus?: string; cudaBase?: string };
  /** Set when the run was kept (--keep): where the container still serves. */
  kept?: { containerId: string; url: string };
}

/** The default wait after SIGTERM, in seconds (--stop-timeout, modelarts.container.stopTimeoutSeconds). */
export const DEFAULT_STOP_TIMEOUT_S = 5;
/** How long ModelArts itself waits after SIGTERM before it kills the container (spec digest: SIGTERM row). */
export const MODELARTS_STOP_GRACE_S = 90;

export interface ConformanceOptions {
  profile?: Profile;
  /** Image tag; default `<folder>:modelarts-dev`. */
  tag?: string;
  /** Leave the container running after the report (the caller removes it later). */
  keep?: boolean;
  /** Remove the built image at the end too. */
  removeImage?: boolean;
  env?: Record<string, string>;
  /** Give up waiting for the container to serve after this long; default: ModelArts' health budget (at least 10 s) + 2 s. */
  startTimeoutMs?: number;
  /** The API gateway's per-request limit: an answer after it is MA406; 40 s. */
  requestLimitMs?: number;
  /** When to give up waiting for an answer (MA406); 60 s, the synchronous limit. */
  requestTimeoutMs?: number;
  /**
   * How long to wait after SIGTERM before killing the container (MA410); DEFAULT_STOP_TIMEOUT_S. ModelArts waits
   * 90 s, but a server that handles SIGTERM and has no request in flight exits at once: waiting longer here only
   * delays the report of a correct image whose server ignores SIGTERM (the usual case).
   */
  stopTimeoutS?: number;
  /** Image size limit (MA401), overriding the deployment's: 10 GB under seed-2021, 50 GB under current, 30 GB on otc. */
  sizeLimitBytes?: number;
  /** The keep-alive check's idle pause between its two requests on one connection (MA412; current only); 6 s. */
  keepAliveIdleMs?: number;
  /** Request body limit (MA411); 12 MB. */
  maxRequestBytes?: number;
  /** Cap on the answer kept in memory; 4 MB. */
  maxAnswerBytes?: number;
  serviceKind?: ServiceKind;
  /** Per-code severities (`modelarts.rules`); 'off' drops the finding. */
  rules?: Record<string, Severity | 'off'>;
  /** Engine address (setting/flag), else the environment decides. */
  host?: string;
  /** `ssh://user@host` of a tcp:// engine's host: its published ports are reached through it (connect.ts). */
  tunnel?: string;
  /** An engine already connected (the extension keeps one). */
  engine?: Engine;
  pollMs?: number;
  buildArgs?: Record<string, string>;
  /** Build even when the folder is unchanged since the image's last build (engine/buildCache.ts reuses it otherwise). */
  rebuild?: boolean;
  /** Port, user, cloud, memory from flags or settings: each wins over the folder's deployment file. */
  deployment?: DeploymentOverrides;
}

export interface ProbeReport {
  /** The check it belongs to: 'health' (seed-2021), 'startup', 'readiness' or 'liveness'. */
  check: string;
  /** Milliseconds after the container's start. */
  afterMs: number;
  /** "HTTP 503 {…}" (body ≤ 200 characters), "connection refused", "exit 1: not ready". */
  text: Localized;
  /** 1: the first of a run of equal failures; N > 1: that run ended after N (the repeats in between were not told). */
  count: number;
}

export interface ConformanceCallbacks {
  /** A check started (status 'running') or finished. */
  onProgress?: (c: Check | { id: string; title: Localized; status: 'running' }) => void;
  onLog?: (line: string, stream: 'stdout' | 'stderr' | 'build') => void;
  /** A failed probe attempt as it comes (a check is running meanwhile); a run of equal ones is told once, then counted. */
  onProbe?: (e: ProbeReport) => void;
  signal?: AbortSignal;
}

/** A failure of the engine (not of the image) that says what to do, in both languages; `message` is the English. */
export class EngineRefusedError extends Error {
  constructor(readonly text: Localized, options?: { cause?: unknown }) {
    super(text.en, options);
    this.name = 'EngineRefusedError';
  }
}

/** The run was cancelled (its `signal` aborted); everything it created is removed before this is thrown. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}
