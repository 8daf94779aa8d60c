// Waits for the container the way ModelArts probes it (core/deployment.ts: the startup probe first, then readiness
// and liveness; under seed-2021 config.json's `health` alone), but polls fast so a correct image passes at once.
// Each probe is judged against the platform's budget and the wait ends as soon as that budget is over; a url the
// image does not serve or a command it does not have ends it at once. Bad answers are told as they come.
import type Docker from 'dockerode';
import { failureText, httpExchange, isAnswer, type HttpAnswer, type HttpFailure } from './http';
import type { Localized, Profile } from '../core/types';
import { L } from '../core/i18n';
import { same } from './reportText';
import { formatSeconds } from '../core/units';
import { probeBudgetS, probeOf, type Probe, type ProbeKind } from '../core/deployment';
import type { Engine } from './connect';
import { execInContainer } from './exec';
import { watchListeners, type ListenCause, type Listener, type ListenWatch } from './listeners';

/** One probe attempt. */
export interface Attempt {
  ok: boolean;
  /** What it got: "HTTP 503 {…}", "connection refused", "exit 1: not ready". */
  text: Localized;
  /** Something in the container took the connection (an answer, or an accepted connection left unanswered). */
  answered?: boolean;
  /** The url answered 404 (current) or the command is not in the image: the platform fails at once. */
  missing?: boolean;
}

export interface ProbeResult {
  probe: Probe;
  /** When its budget starts (ms after the container's start): 0, or when the startup probe succeeded. */
  fromMs: number;
  /** When the platform gives up on it (ms after the start). */
  budgetEndMs: number;
  attempts: number;
  /** When it first succeeded (ms after the start). */
  okAfterMs?: number;
  /** Why it failed: its budget ran out, the run's start timeout came first, or its url / command is missing. */
  failed?: 'budget' | 'deadline' | 'missing';
  /** The last failed attempt. */
  last?: Attempt;
}

export type ProbeOutcome =
  | { kind: 'healthy'; afterMs: number; servedAfterMs?: number; probes: ProbeResult[] }
  | { kind: 'exited'; afterMs: number; exitCode: number }
  /** `listening`: what the container listens on instead, when that ended the wait; `waitedMs`: the wait it gave up after. */
  | { kind: 'no-port'; afterMs: number; waitedMs: number; last?: HttpFailure; listening?: ListenCause }
  | { kind: 'bad-health'; afterMs: number; servedAfterMs?: number; probes: ProbeResult[]; failed: ProbeResult }
  | { kind: 'cancelled'; afterMs: number };

/** A failed attempt as it is told live: `count` 1 the first of a run of equal ones, N > 1 the run ended after N. */
interface ProbeEvent {
  probe: ProbeKind;
  afterMs: number;
  text: Localized;
  count: number;
}

/** seed-2021: 200 with {"health": "true"}; current: any 2xx/3xx (S7). */
export function healthAnswerOk(a: HttpAnswer, profile: Profile): boolean {
  if (profile === 'current') return a.status >= 200 && a.status < 400;
  if (a.status !== 200) return false;
  try {
    const v = JSON.parse(a.body.toString('utf8'));
    return String(v?.health) === 'true';
  } catch {
    return false;
  }
}

/** When the platform gives up on a probe whose budget starts at `fromMs` (its delay counts from the container's start). */
export const budgetEndMs = (p: Probe, fromMs = 0): number => probeBudgetS({ ...p, initialDelayS: Math.max(p.initialDelayS, fromMs / 1000) }) * 1000;

/** The startup probe first; readiness and liveness once it succeeded. */
function stagesOf(probes: Probe[]): Probe[][] {
  return [probes.filter((p) => p.kind === 'startup'), probes.filter((p) => p.kind !== 'startup')].filter((s) => s.length);
}

/** The default wait to serve: the probes' budgets one after the other (the console's defaults without any), ≥ 10 s, + 2 s. */
export function probeDeadlineMs(probes: Probe[]): number {
  const budgets = stagesOf(probes).map((s) => Math.max(...s.map((p) => probeBudgetS(p))));
  const total = budgets.length ? budgets.reduce((a, b) => a + b, 0) : probeBudgetS(probeOf('liveness', {}, 'default'));
  return (Math.max(total, 10) + 2) * 1000;
}

const excerpt = (s: string): string => {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > 200 ? t.slice(0, 200) + '…' : t;
};
const answerText = (r: HttpAnswer): Localized => {
  const body = excerpt(r.body.toString('utf8'));
  return same(`HTTP ${r.status}${body ? ' ' + body : ''}`);
};

/** The running container and how to reach it. */
export interface Target {
  engine: Engine;
  container: Docker.Container;
  /** The service port inside the container (the deployment's) and the host port it is published on. */
  port: number;
  hostPort: number;
  profile: Profile;
  signal?: AbortSignal;
}

/** `path` without a probe: any HTTP answer means serving. */
async function httpAttempt(t: Target, p: Probe | undefined, timeoutMs: number): Promise<Attempt & { failure?: HttpFailure }> {
  const r = await httpExchange({ port: t.hostPort, path: p?.url ?? '/', timeoutMs, maxBody: 64 * 1024, signal: t.signal });
  // docker-proxy only holds a connection open when something in the container accepted it.
  if (!isAnswer(r)) return { ok: false, text: failureText(r), answered: r.kind === 'timeout', failure: r };
  const ok = !p || healthAnswerOk(r, t.profile);
  return { ok, text: answerText(r), answered: true, missing: !ok && r.status === 404 && t.profile === 'current' };
}

/** The engine's words when it cannot run the command at all (absent, not executable), with exit code 126 or 127. */
const NOT_RUN = /exec failed|executable file not found|no such file or directory|permission denied/i;

async function execAttempt(t: Target, p: Probe, timeoutMs: number): Promise<Attempt> {
  let r;
  try {
    r = await execInContainer(t.engine, t.container, p.command ?? [], timeoutMs);
  } catch (e) {
    const why = excerpt((e as Error).message);
    return { ok: false, text: L(`exec failed: ${why}`, `exec 失败：${why}`) };
  }
  if (!r.ended) return { ok: false, text: L(`no exit within ${formatSeconds(timeoutMs)}`, `${formatSeconds(timeoutMs)} 内未退出`) };
  if (r.exitCode === 0) return { ok: true, text: L('exit 0', '退出码 0') };
  const output = excerpt(`${r.stdout} ${r.stderr}`);
  const missing = (r.exitCode === 126 || r.exitCode === 127) && NOT_RUN.test(output) && output.includes(p.command?.[0] ?? '');
  const tail = output ? `: ${output}` : '';
  return { ok: false, text: L(`exit ${r.exitCode ?? '?'}${tail}`, `退出码 ${r.exitCode ?? '?'}${tail ? '：' + output : ''}`), missing };
}

/** One attempt of a probe, with its own timeout (the liveness probe after the requests). */
export function probeOnce(t: Target, p: Probe, timeoutMs = p.timeoutS * 1000): Promise<Attempt> {
  return p.method === 'EXEC' ? execAttempt(t, p, timeoutMs) : httpAttempt(t, p, timeoutMs);
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((res) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      res();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

interface ProbeOptions {
  probes: Probe[];
  startedAt: number;
  /** Give up after this long (ms after start) whatever the budgets say. */
  deadlineMs: number;
  pollMs?: number;
  /** What the container listens on (undefined: unreadable): a wrong port or bind then ends the wait in seconds. */
  listeners?: () => Promise<Listener[] | undefined>;
  /** Each failed attempt that differs from the one before, and how often the one before repeated. */
  onAttempt?: (e: ProbeEvent) => void;
}

export async function probeContainer(t: Target, o: ProbeOptions): Promise<ProbeOutcome> {
  const exited: { code?: number } = {};
  // container.wait() resolves when the main process ends: that is MA403, whatever the probe sees. The wait
  // request is aborted when the probe ends: a pending one would keep a --keep run's process alive.
  const waitAbort = new AbortController();
  t.container
    .wait({ abortSignal: waitAbort.signal } as object)
    .then((r: { StatusCode?: number }) => (exited.code = r.StatusCode ?? -1))
    .catch(() => undefined);
  const watch = o.listeners ? watchListeners(o.listeners, 500, 3000, t.port) : undefined;
  try {
    return await new Session(t, o, exited, watch).run();
  } finally {
    watch?.stop();
    waitAbort.abort();
  }
}

/** Collapses a run of equal failures of one probe into its first event and a count. */
class Told {
  private last?: { text: Localized; count: number; afterMs: number };
  constructor(private readonly kind: ProbeKind, private readonly emit?: (e: ProbeEvent) => void) {}
  failed(text: Localized, afterMs: number): void {
    if (this.last?.text.en === text.en) return void Object.assign(this.last, { count: this.last.count + 1, afterMs });
    this.flush();
    this.last = { text, count: 1, afterMs };
    this.emit?.({ probe: this.kind, afterMs, text, count: 1 });
  }
  flush(): void {
    if (this.last && this.last.count > 1) this.emit?.({ probe: this.kind, ...this.last });
    this.last = undefined;
  }
}

class Session {
  private servedAfterMs?: number;
  private lastFailure?: HttpFailure;
  private readonly results: ProbeResult[] = [];
  private readonly told = new Map<ProbeResult, Told>();

  constructor(private readonly t: Target, private readonly o: ProbeOptions, private readonly exited: { code?: number },
    private readonly watch?: ListenWatch) {}

  private since = () => Date.now() - this.o.startedAt;
  private get served() {
    return this.servedAfterMs !== undefined;
  }

  async run(): Promise<ProbeOutcome> {
    for (const stage of stagesOf(this.o.probes)) {
      const fromMs = Math.max(0, ...this.results.map((r) => r.okAfterMs ?? 0));
      const rs = stage.map((probe): ProbeResult => ({ probe, fromMs, budgetEndMs: budgetEndMs(probe, fromMs), attempts: 0 }));
      for (const r of rs) this.told.set(r, new Told(r.probe.kind, this.o.onAttempt));
      this.results.push(...rs);
      const end = await this.loop(rs);
      if (end) return end;
      const failed = rs.find((r) => r.failed);
      if (failed) return this.failedOutcome(failed);
    }
    // Only EXEC probes (or none): the port must still answer, since requests go there.
    return (await this.loop([])) ?? { kind: 'healthy', afterMs: this.since(), servedAfterMs: this.servedAfterMs, probes: this.results };
  }

  /** Polls until every probe of `rs` succeeded or failed (and, for no probes, until the port answers). */
  private async loop(rs: ProbeResult[]): Promise<ProbeOutcome | undefined> {
    const o = this.o;
    for (;;) {
      const end = this.stopped();
      if (end) return end;
      const pending = rs.filter((r) => r.okAfterMs === undefined && !r.failed);
      if (!pending.length && (rs.length || this.served)) return undefined;
      const now = this.since();
      if (now >= o.deadlineMs) return this.deadline(pending);
      const live = pending.filter((r) => !this.overBudget(r, now));
      const attempts = live.map((r) => this.attempt(r));
      const polled = live.length > 0 || !rs.length;
      if (!this.served && polled && !live.some((r) => r.probe.method === 'HTTP')) attempts.push(this.servePoll());
      await Promise.all(attempts);
      // Something answers: what else it listens on no longer matters.
      if (this.served) this.watch?.stop();
      if (live.some((r) => r.okAfterMs === undefined && !r.failed) || (!rs.length && !this.served)) await sleep(o.pollMs ?? 150, this.t.signal);
    }
  }

  /** Cancelled, exited, or seen listening elsewhere while nothing answered. */
  private stopped(): ProbeOutcome | undefined {
    const afterMs = this.since();
    if (this.t.signal?.aborted) return { kind: 'cancelled', afterMs };
    if (this.exited.code !== undefined) return { kind: 'exited', afterMs, exitCode: this.exited.code };
    if (!this.served && this.watch?.verdict) return { kind: 'no-port', afterMs, waitedMs: afterMs, last: this.lastFailure, listening: this.watch.verdict };
    return undefined;
  }

  /** The budget is over: the probe failed, unless nothing answered yet and what the container listens on is about to tell why. */
  private overBudget(r: ProbeResult, now: number): boolean {
    if (now < r.budgetEndMs) return false;
    if (!this.served && r.probe.method === 'HTTP' && this.watch?.pending) return false;
    r.failed = 'budget';
    this.told.get(r)?.flush();
    return true;
  }

  private async attempt(r: ProbeResult): Promise<void> {
    const now = this.since();
    const timeoutMs = Math.max(200, Math.min(r.probe.timeoutS * 1000, r.budgetEndMs - now, this.o.deadlineMs - now));
    r.attempts++;
    const a = r.probe.method === 'EXEC' ? await execAttempt(this.t, r.probe, timeoutMs) : await httpAttempt(this.t, r.probe, timeoutMs);
    if (a.answered) this.servedAfterMs ??= this.since();
    else if ('failure' in a) this.lastFailure = a.failure as HttpFailure | undefined;
    const told = this.told.get(r)!;
    if (a.ok) {
      r.okAfterMs = this.since();
      return told.flush();
    }
    r.last = a;
    // Refused or reset before anything served is the start-up itself (MA404 tells it if it lasts), not a bad answer.
    if (a.answered || r.probe.method === 'EXEC' || this.served) told.failed(a.text, this.since());
    if (a.missing) {
      r.failed = 'missing';
      told.flush();
    }
  }

  /** Any HTTP answer on the port: serving (no HTTP probe is being polled). */
  private async servePoll(): Promise<void> {
    const a = await httpAttempt(this.t, undefined, Math.max(200, Math.min(3000, this.o.deadlineMs - this.since())));
    if (a.answered) this.servedAfterMs ??= this.since();
    else this.lastFailure = a.failure;
  }

  private async deadline(pending: ProbeResult[]): Promise<ProbeOutcome> {
    // One last look: the process may have died while the final attempt was pending.
    await sleep(50);
    const end = this.stopped();
    if (end) return end;
    for (const r of pending) {
      r.failed = 'deadline';
      this.told.get(r)?.flush();
    }
    if (!this.served) return { kind: 'no-port', afterMs: this.since(), waitedMs: this.o.deadlineMs, last: this.lastFailure };
    return this.failedOutcome(pending[0]);
  }

  /** A probe failed: nothing ever answered an HTTP probe is MA404's; else the probe's (MA405). */
  private failedOutcome(failed: ProbeResult): ProbeOutcome {
    const afterMs = this.since();
    if (!this.served && failed.probe.method === 'HTTP') {
      const waitedMs = failed.failed === 'deadline' ? this.o.deadlineMs : failed.budgetEndMs;
      return { kind: 'no-port', afterMs, waitedMs, last: this.lastFailure };
    }
    return { kind: 'bad-health', afterMs, servedAfterMs: this.servedAfterMs, probes: this.results, failed };
  }
}
