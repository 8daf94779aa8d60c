// Sends a test request to each `apis` entry and checks the answer: status and time (MA406), request size
// (MA411), and the answer against the declared response Content-type and `data` schema (MA407).
import Ajv from 'ajv';
import { failureText, httpExchange, isAnswer, DEFAULT_MAX_BODY } from './http';
import { requestFor, CONSOLE_REQUEST_BYTES, MAX_REQUEST_BYTES } from './samples';
import type { Localized } from '../core/types';
import { L } from '../core/i18n';
import { join, same } from './reportText';
import { formatBytes } from '../core/units';
import MA406 from '../core/rules/image/MA406';
import MA407 from '../core/rules/image/MA407';
import MA411 from '../core/rules/image/MA411';

export interface ApiSpec {
  index: number;
  url: string;
  method: string;
  requestType: string;
  requestSchema: unknown;
  responseType: string;
  responseSchema: unknown;
}

const str = (v: unknown, d: string) => (typeof v === 'string' && v.trim() ? v.trim() : d);

/** The apis of config.json; `Content-type`/`Content-Type` and the `applicaton/json` typo are tolerated. */
export function apiSpecs(config: unknown): ApiSpec[] {
  const apis = (config as { apis?: unknown })?.apis;
  if (!Array.isArray(apis)) return [];
  return apis.map((a, index) => {
    const api = (a ?? {}) as Record<string, unknown>;
    const req = (api.request ?? {}) as Record<string, unknown>;
    const res = (api.response ?? {}) as Record<string, unknown>;
    const ct = (o: Record<string, unknown>) =>
      str(o['Content-type'] ?? o['Content-Type'] ?? o['content-type'], 'application/json').replace(/^applicaton\//, 'application/');
    return {
      index, url: str(api.url, '/'), method: str(api.method, 'post').toUpperCase(),
      requestType: ct(req), requestSchema: req.data, responseType: ct(res), responseSchema: res.data,
    };
  });
}

/** ModelArts schemas are JSON Schema plus `"type": "file"` and the documented `item` typo: make them plain JSON Schema. */
export function toJsonSchema(s: unknown): unknown {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (!s || typeof s !== 'object') return s;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(s as Record<string, unknown>)) {
    if (k === 'type' && (v === 'file' || (Array.isArray(v) && v.includes('file')))) continue; // a file: any value
    if (k === 'item' && !('items' in (s as object))) out.items = toJsonSchema(v);
    else if (k === 'properties' && v && typeof v === 'object') out[k] = Object.fromEntries(Object.entries(v).map(([p, ps]) => [p, toJsonSchema(ps)]));
    else out[k] = typeof v === 'object' ? toJsonSchema(v) : v;
  }
  return out;
}

export interface ApiResult {
  api: ApiSpec;
  code?: 'MA406' | 'MA407' | 'MA411';
  ok: boolean;
  /** The check's line; for a failure the finding's text. */
  message: Localized;
  /** A failure's finding text, from its rule file (MA406, MA407, MA411). */
  finding?: Localized;
  /** MA411 as an info note: a body over the console's 8 MB, sent (the gateway takes up to 12 MB). */
  note?: Localized;
  status?: number;
  ms: number;
  requestBytes: number;
  requestSource: string;
  /** The answer for display, cut to a readable length (the cut said in both languages). */
  preview?: Localized;
  answerBytes?: number;
  truncated?: boolean;
}

interface InferOptions {
  port: number;
  configDir: string;
  /** The API gateway's limit: an answer after it is MA406 (40 s). */
  requestLimitMs?: number;
  /** When to give up waiting (60 s, the synchronous limit). */
  requestTimeoutMs?: number;
  maxRequestBytes?: number;
  maxAnswerBytes?: number;
  signal?: AbortSignal;
  onSent?: () => void;
}

const PREVIEW = 2000;

/** The lines of a passing api check. */
const passed = {
  plain: (status: number, ms: number) => L(`HTTP ${status} in ${ms} ms`, `HTTP ${status}，用时 ${ms} ms`),
  tooBig: (status: number, ms: number, max: number) => L(
    `HTTP ${status} in ${ms} ms; answer larger than ${formatBytes(max, 'MB')}: schema not checked`,
    `HTTP ${status}，用时 ${ms} ms；应答大于 ${formatBytes(max, 'MB')}：未按 schema 检查`),
  badSchema: (status: number, ms: number, why: string) => L(
    `HTTP ${status} in ${ms} ms; response schema not usable: ${why}`, `HTTP ${status}，用时 ${ms} ms；response 的 schema 无法使用：${why}`),
};

type Base = Pick<ApiResult, 'api' | 'requestSource' | 'requestBytes'> & Partial<ApiResult>;
const fail = (base: Base, code: NonNullable<ApiResult['code']>, text: Localized, ms = base.ms ?? 0): ApiResult =>
  ({ ...base, ok: false, code, ms, message: text, finding: text });
const pass = (base: Base, message: Localized): ApiResult => ({ ...base, ok: true, ms: base.ms ?? 0, message });

/** The API gateway's limit (an answer after it is MA406) and the synchronous limit (the run stops waiting). */
export const REQUEST_LIMIT_MS = 40_000;
export const REQUEST_TIMEOUT_MS = 60_000;

export async function testApi(api: ApiSpec, o: InferOptions): Promise<ApiResult> {
  const limit = o.requestLimitMs ?? REQUEST_LIMIT_MS;
  const timeout = o.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
  const maxReq = o.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const sample = await requestFor(o.configDir, { url: api.url, method: api.method, contentType: api.requestType, schema: api.requestSchema });
  const bytes = sample.oversizeBytes ?? sample.body.length;
  const note = bytes > CONSOLE_REQUEST_BYTES && bytes <= maxReq ? MA411.messages.overConsole(bytes, CONSOLE_REQUEST_BYTES, maxReq) : undefined;
  const base = { api, requestSource: sample.source, requestBytes: bytes, note };
  if (sample.oversizeBytes !== undefined || sample.body.length > maxReq) return fail(base, 'MA411', MA411.messages.tooLarge(base.requestBytes, maxReq));
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(api.method);
  const r = await httpExchange({
    port: o.port,
    path: api.url,
    method: api.method,
    headers: hasBody ? { 'content-type': sample.contentType } : {},
    body: hasBody ? sample.body : undefined,
    timeoutMs: timeout,
    maxBody: o.maxAnswerBytes,
    signal: o.signal,
    onSent: o.onSent,
  });
  if (!isAnswer(r)) {
    const m = MA406.messages;
    const text = r.kind === 'timeout' ? m.noAnswer(api.method, api.url, timeout, limit) : m.failed(api.method, api.url, failureText(r));
    return fail(base, 'MA406', text, r.ms);
  }
  const text = r.body.toString('utf8');
  const total = formatBytes(r.bytes, 'MB');
  const cut = L(` … [${r.truncated ? 'more than ' : ''}${total} in total, truncated]`, ` … [共 ${total}${r.truncated ? ' 以上' : ''}，已截断]`);
  const preview = text.length > PREVIEW || r.truncated ? join(text.slice(0, PREVIEW), cut) : same(text);
  const ans = { ...base, status: r.status, ms: r.ms, preview, answerBytes: r.bytes, truncated: r.truncated };
  if (r.status >= 400) return fail(ans, 'MA406', MA406.messages.status(api.method, api.url, r.status));
  if (r.ms > limit) return fail(ans, 'MA406', MA406.messages.slow(api.method, api.url, r.ms, limit));
  if (r.truncated) return pass(ans, passed.tooBig(r.status, r.ms, o.maxAnswerBytes ?? DEFAULT_MAX_BODY));
  return checkAnswer(api, ans, text, String(r.headers['content-type'] ?? '').toLowerCase());
}

/** The answer against the declared response Content-type and `data` schema (MA407). */
function checkAnswer(api: ApiSpec, ans: Base & { status: number; ms: number }, text: string, got: string): ApiResult {
  const declared = api.responseType.toLowerCase();
  const ok = pass(ans, passed.plain(ans.status, ans.ms));
  // Old docs declare multipart/form-data for JSON answers; the platform relays whatever the image sends.
  if (declared.includes('json') || declared.includes('multipart')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      return declared.includes('json') ? fail(ans, 'MA407', MA407.messages.notJson(api.responseType, got)) : ok;
    }
    if (!api.responseSchema || typeof api.responseSchema !== 'object') return ok;
    let validate;
    try {
      validate = new Ajv({ strict: false, allErrors: true, validateFormats: false }).compile(toJsonSchema(api.responseSchema) as object);
    } catch (e) {
      return pass(ans, passed.badSchema(ans.status, ans.ms, (e as Error).message));
    }
    if (validate(value)) return ok;
    const errs = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ');
    return fail(ans, 'MA407', MA407.messages.schema(errs));
  }
  if (declared && got && !got.includes(declared.split(';')[0])) return fail(ans, 'MA407', MA407.messages.contentType(api.responseType, got));
  return ok;
}
