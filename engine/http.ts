// One HTTP exchange with explicit timeouts and a cap on what is kept of the answer. node:http rather than
// fetch(): right after a container starts, docker-proxy accepts and then resets connections, and fetch can
// hang on that; here every attempt has its own deadline and a 100 MB answer never sits in memory.
import * as http from 'node:http';
import { L } from '../core/i18n';
import type { Localized } from '../core/types';

export interface HttpAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The first `maxBody` bytes of the body. */
  body: Buffer;
  /** Bytes received in total (stops counting once the cap is reached and the socket is closed). */
  bytes: number;
  truncated: boolean;
  ms: number;
}

export type HttpFailure = {
  /** refused / reset: nothing served the port; timeout: a connection was accepted but no answer came. */
  kind: 'refused' | 'reset' | 'timeout' | 'aborted' | 'error';
  message: string;
  ms: number;
};

interface HttpRequest {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  body?: Buffer;
  timeoutMs: number;
  maxBody?: number;
  signal?: AbortSignal;
  /** The request has been written out (the graceful-stop check sends SIGTERM then). */
  onSent?: () => void;
}

export const DEFAULT_MAX_BODY = 4 * 1024 * 1024;

export function httpExchange(r: HttpRequest): Promise<HttpAnswer | HttpFailure> {
  const t0 = Date.now();
  const max = r.maxBody ?? DEFAULT_MAX_BODY;
  return new Promise((resolve) => {
    let done = false;
    const finish = (v: HttpAnswer | HttpFailure) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      r.signal?.removeEventListener('abort', onAbort);
      req.destroy();
      resolve(v);
    };
    const fail = (kind: HttpFailure['kind'], message: string) => finish({ kind, message, ms: Date.now() - t0 });
    const req = http.request({
      host: '127.0.0.1',
      port: r.port,
      path: r.path,
      method: (r.method ?? 'GET').toUpperCase(),
      headers: { connection: 'close', ...(r.body ? { 'content-length': String(r.body.length) } : {}), ...r.headers },
      agent: false,
    });
    const timer = setTimeout(() => fail('timeout', `no answer within ${r.timeoutMs} ms`), r.timeoutMs);
    const onAbort = () => fail('aborted', 'cancelled');
    r.signal?.addEventListener('abort', onAbort, { once: true });
    req.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'ECONNREFUSED') fail('refused', 'connection refused');
      else if (e.code === 'ECONNRESET' || e.code === 'EPIPE' || /socket hang up/.test(e.message)) fail('reset', 'connection reset before an answer');
      else fail('error', e.message);
    });
    req.on('response', (res) => {
      const chunks: Buffer[] = [];
      let kept = 0;
      let bytes = 0;
      const answer = (truncated: boolean): HttpAnswer =>
        ({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), bytes, truncated, ms: Date.now() - t0 });
      res.on('data', (c: Buffer) => {
        bytes += c.length;
        if (kept < max) {
          const part = c.subarray(0, max - kept);
          chunks.push(part);
          kept += part.length;
        }
        if (bytes > max) finish(answer(true));
      });
      res.on('end', () => finish(answer(false)));
      res.on('error', () => finish(answer(bytes > kept)));
    });
    if (r.onSent) req.on('finish', r.onSent);
    req.end(r.body);
  });
}

/** A failure as a person reads it, in both languages (`message` is the English, for logs). */
export function failureText(f: HttpFailure): Localized {
  switch (f.kind) {
    case 'refused': return L(f.message, '连接被拒绝');
    case 'reset': return L(f.message, '应答之前连接被重置');
    case 'aborted': return L(f.message, '已取消');
    case 'timeout': return L(f.message, f.message.replace(/^no answer within (\d+) ms$/, '$1 ms 内无应答'));
    default: return L(f.message, `连接出错：${f.message}`);
  }
}

export const isAnswer = (v: HttpAnswer | HttpFailure): v is HttpAnswer => 'status' in v;
