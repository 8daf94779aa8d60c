// Sends a test request to each `apis` entry and checks the answer: status and time (MA406), request size
// (MA411), and the answer against the declared response Content-type and `data` schema (MA407).
import Ajv from 'ajv';
import { httpExchange, isAnswer, DEFAULT_MAX_BODY } from './http';
import { requestFor, MAX_REQUEST_BYTES } from './samples';

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
    const ct = (o: Record<string, unknown>) => str(o['Content-type'] ?? o['Content-Type'] ?? o['content-type'], 'application/json').replace(/^applicaton\//, 'application/');
    return { index, url: str(api.url, '/'), method: str(api.method, 'post').toUpperCase(), requestType: ct(req), requestSchema: req.data, responseType: ct(res), responseSchema: res.data };
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
  message: string;
  status?: number;
  ms: number;
  requestBytes: number;
  requestSource: string;
  /** The answer for display, cut to a readable length. */
  preview?: string;
  answerBytes?: number;
  truncated?: boolean;
}

export interface InferOptions {
  port: number;
  configDir: string;
  requestTimeoutMs?: number;
  maxRequestBytes?: number;
  maxAnswerBytes?: number;
  signal?: AbortSignal;
}

const PREVIEW = 2000;

export async function testApi(api: ApiSpec, o: InferOptions): Promise<ApiResult> {
  const limit = o.requestTimeoutMs ?? 40_000;
  const maxReq = o.maxRequestBytes ?? MAX_REQUEST_BYTES;
  const sample = await requestFor(o.configDir, { url: api.url, method: api.method, contentType: api.requestType, schema: api.requestSchema });
  const base = { api, requestSource: sample.source, requestBytes: sample.oversizeBytes ?? sample.body.length };
  if (sample.oversizeBytes !== undefined || sample.body.length > maxReq) {
    return { ...base, ok: false, code: 'MA411', ms: 0, message: `request body ${mb(base.requestBytes)} > ${mb(maxReq)} (the API gateway rejects it with APIG.0201); not sent` };
  }
  const hasBody = !['GET', 'HEAD', 'DELETE'].includes(api.method);
  const r = await httpExchange({
    port: o.port,
    path: api.url,
    method: api.method,
    headers: hasBody ? { 'content-type': sample.contentType } : {},
    body: hasBody ? sample.body : undefined,
    timeoutMs: limit,
    maxBody: o.maxAnswerBytes,
    signal: o.signal,
  });
  if (!isAnswer(r)) {
    const why = r.kind === 'timeout' ? `no answer within ${limit / 1000} s (ModelArts.4503 on the platform)` : r.message;
    return { ...base, ok: false, code: 'MA406', ms: r.ms, message: `${api.method} ${api.url}: ${why}` };
  }
  const text = r.body.toString('utf8');
  const preview = text.length > PREVIEW || r.truncated ? text.slice(0, PREVIEW) + ` … [${r.truncated ? 'more than ' : ''}${mb(r.bytes)} in total, truncated]` : text;
  const ans = { ...base, status: r.status, ms: r.ms, preview, answerBytes: r.bytes, truncated: r.truncated };
  // 404/405: the server has no such route (or not for this method): the url in config.json and the code disagree.
  const route = r.status === 404 || r.status === 405 ? `: the server has no route for ${api.method} ${api.url}; make apis[].url and apis[].method match the code` : '';
  if (r.status >= 400) return { ...ans, ok: false, code: 'MA406', message: `${api.method} ${api.url} answered HTTP ${r.status}${route}` };
  if (r.ms > limit) return { ...ans, ok: false, code: 'MA406', message: `${api.method} ${api.url} took ${(r.ms / 1000).toFixed(1)} s > ${limit / 1000} s` };
  if (r.truncated) return { ...ans, ok: true, message: `HTTP ${r.status} in ${r.ms} ms; answer larger than ${mb(o.maxAnswerBytes ?? DEFAULT_MAX_BODY)}: schema not checked` };
  const declared = api.responseType.toLowerCase();
  const got = String(r.headers['content-type'] ?? '').toLowerCase();
  // Old docs declare multipart/form-data for JSON answers; the platform relays whatever the image sends.
  if (declared.includes('json') || declared.includes('multipart')) {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      if (declared.includes('json')) return { ...ans, ok: false, code: 'MA407', message: `declared ${api.responseType}, but the answer (${got || 'no Content-Type'}) is not JSON` };
      return { ...ans, ok: true, message: `HTTP ${r.status} in ${r.ms} ms` };
    }
    if (api.responseSchema && typeof api.responseSchema === 'object') {
      const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
      let validate;
      try {
        validate = ajv.compile(toJsonSchema(api.responseSchema) as object);
      } catch (e) {
        return { ...ans, ok: true, message: `HTTP ${r.status} in ${r.ms} ms; response schema not usable: ${(e as Error).message}` };
      }
      if (!validate(value)) {
        const errs = (validate.errors ?? []).slice(0, 5).map((e) => `${e.instancePath || '(root)'} ${e.message}`).join('; ');
        return { ...ans, ok: false, code: 'MA407', message: `the answer does not match response.data: ${errs}` };
      }
    }
  } else if (declared && got && !got.includes(declared.split(';')[0])) {
    return { ...ans, ok: false, code: 'MA407', message: `declared ${api.responseType}, the answer is ${got}` };
  }
  return { ...ans, ok: true, message: `HTTP ${r.status} in ${r.ms} ms` };
}

const mb = (n: number) => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);
