// Waits for the container the way ModelArts does (config.json `health`), but polls fast so a person does
// not wait for nothing; reports when it became healthy and whether ModelArts' own timing would pass.
import type Docker from 'dockerode';
import { httpExchange, isAnswer, type HttpAnswer, type HttpFailure } from './http';
import type { Profile } from '../core/types';
import { watchListeners, type ListenCause, type Listener, type ListenWatch } from './listeners';

export interface HealthSpec {
  url: string;
  initialDelayS: number;
  timeoutS: number;
  periodS: number;
  failureThreshold: number;
  /** False when config.json has no health: then any HTTP answer on 8080 means "serving". */
  configured: boolean;
}

const num = (v: unknown, dflt: number, min: number): number => {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= min ? n : dflt;
};

/** Reads config.json's health; strings and integers both accepted. Defaults are the console's (12 s, 5 s, 12). */
export function healthSpec(config: unknown): HealthSpec {
  const h = (config as { health?: Record<string, unknown> } | undefined)?.health;
  if (!h || typeof h !== 'object') return { url: '/', initialDelayS: 12, timeoutS: 3, periodS: 5, failureThreshold: 12, configured: false };
  const url = typeof h.url === 'string' && h.url.startsWith('/') ? h.url : '/health';
  return {
    url,
    initialDelayS: num(h.initial_delay_seconds, 12, 0),
    timeoutS: num(h.timeout_seconds, 3, 1),
    periodS: num(h.period_seconds, 5, 1),
    failureThreshold: num(h.failure_threshold, 12, 1),
    configured: true,
  };
}

/** The latest moment (s after start) at which ModelArts still accepts a first healthy answer. */
export const modelArtsBudgetS = (h: HealthSpec): number => h.initialDelayS + h.periodS * (h.failureThreshold - 1) + h.timeoutS;

export type ProbeOutcome =
  | { kind: 'healthy'; afterMs: number; answer: HttpAnswer; attempts: number }
  | { kind: 'exited'; afterMs: number; exitCode: number }
  /** `listening`: what the container listens on instead, when that ended the wait early. */
  | { kind: 'no-port'; afterMs: number; last?: HttpFailure; listening?: ListenCause }
  | { kind: 'bad-health'; afterMs: number; last: HttpAnswer | HttpFailure; servedAfterMs?: number }
  | { kind: 'cancelled'; afterMs: number };

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

interface ProbeOptions {
  port: number;
  health: HealthSpec;
  profile: Profile;
  startedAt: number;
  /** Give up after this long (ms after start). */
  deadlineMs: number;
  pollMs?: number;
  signal?: AbortSignal;
  /** What the container listens on (undefined: unreadable): a wrong port or bind then ends the wait in seconds. */
  listeners?: () => Promise<Listener[] | undefined>;
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

const failure = (r: HttpAnswer | HttpFailure | undefined): HttpFailure | undefined => (r && !isAnswer(r) ? r : undefined);

export async function probeHealth(container: Docker.Container, o: ProbeOptions): Promise<ProbeOutcome> {
  const exited: { code?: number } = {};
  // container.wait() resolves when the main process ends: that is MA403, whatever the probe sees. The wait
  // request is aborted when the probe ends: a pending one would keep a --keep run's process alive.
  const waitAbort = new AbortController();
  container
    .wait({ abortSignal: waitAbort.signal } as object)
    .then((r: { StatusCode?: number }) => (exited.code = r.StatusCode ?? -1))
    .catch(() => undefined);
  const watch = o.listeners ? watchListeners(o.listeners) : undefined;
  try {
    return await pollHealth(o, exited, watch);
  } finally {
    watch?.stop();
    waitAbort.abort();
  }
}

async function pollHealth(o: ProbeOptions, exited: { code?: number }, watch?: ListenWatch): Promise<ProbeOutcome> {
  const pollMs = o.pollMs ?? 150;
  const since = () => Date.now() - o.startedAt;
  let last: HttpAnswer | HttpFailure | undefined;
  let servedAfterMs: number | undefined;
  let attempts = 0;
  while (!o.signal?.aborted) {
    if (exited.code !== undefined) return { kind: 'exited', afterMs: since(), exitCode: exited.code };
    const remaining = o.deadlineMs - since();
    if (remaining <= 0) break;
    if (servedAfterMs === undefined && watch?.verdict) return { kind: 'no-port', afterMs: since(), last: failure(last), listening: watch.verdict };
    attempts++;
    const timeoutMs = Math.max(200, Math.min(o.health.timeoutS * 1000, remaining));
    const r = await httpExchange({ port: o.port, path: o.health.url, timeoutMs, maxBody: 64 * 1024, signal: o.signal });
    last = r;
    if (isAnswer(r)) {
      servedAfterMs ??= since();
      if (!o.health.configured || healthAnswerOk(r, o.profile)) return { kind: 'healthy', afterMs: since(), answer: r, attempts };
    } else if (r.kind === 'timeout') {
      // docker-proxy only holds a connection open when something in the container accepted it.
      servedAfterMs ??= since();
    }
    // Something answers: what else it listens on no longer matters.
    if (servedAfterMs !== undefined) watch?.stop();
    await sleep(pollMs, o.signal);
  }
  if (o.signal?.aborted) return { kind: 'cancelled', afterMs: since() };
  // One last look: the process may have died while the final attempt was pending.
  await sleep(50);
  if (exited.code !== undefined) return { kind: 'exited', afterMs: since(), exitCode: exited.code };
  if (servedAfterMs === undefined) return { kind: 'no-port', afterMs: since(), last: failure(last) };
  return { kind: 'bad-health', afterMs: since(), last: last!, servedAfterMs };
}
