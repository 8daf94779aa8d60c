// What the container listens on, read from its /proc/net/tcp and tcp6 through an exec of `cat` (busybox and
// Debian images have it; no privilege, no host /proc): lets MA404 name the cause within seconds.
import { setTimeout as sleep } from 'node:timers/promises';
import type Docker from 'dockerode';
import type { Engine } from './connect';
import { execInContainer } from './exec';

export interface Listener {
  /** 0.0.0.0, 127.0.0.1, ::, ::1 (IPv4-mapped v6 addresses as their IPv4 form). */
  host: string;
  port: number;
}

const LISTEN = '0A';

/** 8 hex digits: one 32-bit word in the kernel's (little-endian) byte order. */
function ipv4(hex: string): string {
  const bytes = hex.match(/../g)!.map((b) => parseInt(b, 16));
  return bytes.reverse().join('.');
}

/** 32 hex digits: four little-endian 32-bit words. An IPv4-mapped address (::ffff:a.b.c.d) gives a.b.c.d. */
function ipv6(hex: string): string {
  const words = hex.match(/.{8}/g)!.map((w) => w.match(/../g)!.reverse().join(''));
  const groups = words.join('').match(/.{4}/g)!.map((g) => parseInt(g, 16));
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) return ipv4(hex.slice(24));
  return compress(groups.map((g) => g.toString(16)));
}

/** RFC 5952: the longest run (2 or more) of zero groups becomes "::". */
function compress(groups: string[]): string {
  let best = { at: -1, len: 0 };
  for (let i = 0; i < groups.length;) {
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.len) best = { at: i, len: j - i };
    i = j > i ? j : i + 1;
  }
  if (best.len < 2) return groups.join(':');
  return `${groups.slice(0, best.at).join(':')}::${groups.slice(best.at + best.len).join(':')}`;
}

/** The listening sockets of /proc/net/tcp and/or tcp6 text (either or both, headers included), without duplicates. */
export function parseProcNetTcp(text: string): Listener[] {
  const out: Listener[] = [];
  for (const line of text.split('\n')) {
    const f = line.trim().split(/\s+/);
    const m = /^([0-9A-Fa-f]{8}|[0-9A-Fa-f]{32}):([0-9A-Fa-f]{4})$/.exec(f[1] ?? '');
    if (!m || f[3]?.toUpperCase() !== LISTEN) continue;
    const l = { host: m[1].length === 8 ? ipv4(m[1]) : ipv6(m[1]), port: parseInt(m[2], 16) };
    if (!out.some((o) => o.host === l.host && o.port === l.port)) out.push(l);
  }
  return out;
}

const formatListener = (l: Listener): string => (l.host.includes(':') ? `[${l.host}]:${l.port}` : `${l.host}:${l.port}`);

export const isLoopbackHost = (host: string): boolean => host === '::1' || host.startsWith('127.');

/** Why nothing can answer on `port` from outside, given what listens; undefined when something reachable listens on it. */
export type ListenCause = { kind: 'loopback'; listeners: Listener[] } | { kind: 'other-port'; listeners: Listener[] };

export function listenCause(listeners: Listener[], port = 8080): ListenCause | undefined {
  if (!listeners.length) return undefined;
  const onPort = listeners.filter((l) => l.port === port);
  if (onPort.some((l) => !isLoopbackHost(l.host))) return undefined;
  if (onPort.length) return { kind: 'loopback', listeners: onPort };
  return { kind: 'other-port', listeners };
}

/** "0.0.0.0:5001" or "0.0.0.0:5001, [::]:5001". */
export const formatListeners = (ls: Listener[]): string => ls.map(formatListener).join(', ');

const EXEC_TIMEOUT_MS = 3000;

/**
 * What the running container listens on; undefined when it cannot be read (no `cat` in the image, /proc not
 * readable, the exec failed). A missing tcp6 (IPv6 off) still gives tcp's sockets.
 */
export async function readListeners(engine: Engine, container: Docker.Container): Promise<Listener[] | undefined> {
  try {
    const r = await execInContainer(engine, container, ['cat', '/proc/net/tcp', '/proc/net/tcp6'], EXEC_TIMEOUT_MS);
    if (!r.ended || !/local_address/.test(r.stdout)) return undefined;
    return parseProcNetTcp(r.stdout);
  } catch {
    return undefined;
  }
}

export interface ListenWatch {
  /** Set once a cause has held for the grace period (the container listens, but not where ModelArts connects). */
  verdict?: ListenCause;
  /** A cause is seen but has not held for the grace period yet: a verdict may come within it. */
  pending?: boolean;
  stop(): void;
}

/**
 * Reads what the container listens on every `periodMs` until stopped; sets `verdict` once a cause (nothing reachable
 * on `port`) has held for `graceMs` since it was first seen. Stops for good at the first read that fails (then the
 * probe waits as before).
 */
export function watchListeners(read: () => Promise<Listener[] | undefined>, periodMs = 500, graceMs = 3000, port = 8080): ListenWatch {
  const w: ListenWatch & { stopped: boolean } = { stopped: false, stop: () => void (w.stopped = true) };
  const loop = async () => {
    let seenAt: number | undefined;
    while (!w.stopped) {
      const ls = await read().catch(() => undefined);
      if (ls === undefined || w.stopped) return void (w.pending = false);
      const cause = listenCause(ls, port);
      seenAt = cause ? seenAt ?? Date.now() : undefined;
      w.pending = seenAt !== undefined;
      if (cause && Date.now() - seenAt! >= graceMs) return void Object.assign(w, { verdict: cause, pending: false });
      await sleep(periodMs);
    }
  };
  void loop();
  return w;
}
