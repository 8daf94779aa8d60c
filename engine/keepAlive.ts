// Keep-alive as the API gateway uses it: it keeps a connection to the container open and reuses it for up to 200 s.
// A server that closes an idle connection sooner without saying so (gunicorn's default --keep-alive is 2 s,
// uvicorn's --timeout-keep-alive 5 s) makes a request sent on it fail now and then (ModelArts.4503). One request on a
// kept-alive connection, a pause, and a second request on the same connection tell it.
import * as http from 'node:http';
import type { Socket } from 'node:net';
import { setTimeout as wait } from 'node:timers/promises';

export type KeepAliveResult =
  /** The second request went over the same connection and was answered. */
  | { kind: 'reused'; idleMs: number; status: number }
  /** The server said it would close (`Connection: close`, or HTTP/1.0 without keep-alive): honest, only slower. */
  | { kind: 'close-header'; header: string }
  /** The server closed the idle connection `closedAfterMs` after its answer without saying so. */
  | { kind: 'closed-idle'; idleMs: number; closedAfterMs: number }
  /** The second request on the kept connection was reset or got no answer. */
  | { kind: 'reset'; idleMs: number; why: string }
  /** The first request got no answer at all: nothing to say of keep-alive. */
  | { kind: 'failed'; why: string }
  | { kind: 'cancelled' };

interface Exchange {
  status: number;
  headers: http.IncomingHttpHeaders;
  httpVersion: string;
  socket: Socket;
  reused: boolean;
}

/** One GET on `agent`, its body read to the end (so the socket goes back to the agent's pool). */
function get(agent: http.Agent, port: number, path: string, timeoutMs: number): Promise<Exchange | Error> {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers: { connection: 'keep-alive' } });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)), timeoutMs);
    req.on('error', (e) => {
      clearTimeout(timer);
      resolve(e);
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        clearTimeout(timer);
        resolve({ status: res.statusCode ?? 0, headers: res.headers, httpVersion: res.httpVersion, socket: req.socket!, reused: req.reusedSocket });
      });
    });
    req.end();
  });
}

/** Waits `ms`, or less when `signal` aborts. */
const pause = (ms: number, signal?: AbortSignal) => wait(ms, undefined, { signal }).catch(() => undefined);

/** What the first answer says of the connection: undefined when it may be kept. */
function closeHeader(a: Exchange): string | undefined {
  const c = String(a.headers.connection ?? '').toLowerCase();
  if (c.includes('close')) return 'Connection: close';
  if (a.httpVersion === '1.0' && !c.includes('keep-alive')) return 'HTTP/1.0 without keep-alive';
  return undefined;
}

/**
 * GET `path`, wait `idleMs`, GET it again on the same connection. Never throws; the sockets are closed before it
 * returns (a server that waits for its open connections at SIGTERM must not wait for this one).
 */
export async function probeKeepAlive(port: number, path: string, idleMs: number, signal?: AbortSignal, timeoutMs = 10_000): Promise<KeepAliveResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const first = await get(agent, port, path, timeoutMs);
    if (first instanceof Error) return { kind: 'failed', why: first.message };
    const header = closeHeader(first);
    if (header) return { kind: 'close-header', header };
    const answeredAt = Date.now();
    let closedAt: number | undefined;
    const closed = () => (closedAt ??= Date.now());
    first.socket.once('end', closed).once('close', closed);
    await pause(idleMs, signal);
    if (signal?.aborted) return { kind: 'cancelled' };
    if (closedAt !== undefined) return { kind: 'closed-idle', idleMs, closedAfterMs: closedAt - answeredAt };
    const second = await get(agent, port, path, timeoutMs);
    // The server may close just as the request goes out: that is the race the gateway loses.
    if (second instanceof Error) return { kind: 'reset', idleMs, why: second.message };
    if (!second.reused) return { kind: 'closed-idle', idleMs, closedAfterMs: (closedAt ?? Date.now()) - answeredAt };
    return { kind: 'reused', idleMs, status: second.status };
  } finally {
    agent.destroy();
  }
}
