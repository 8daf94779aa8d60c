// The request sent to each api: a saved sample next to config.json when there is one, else one generated from
// the api's `request.data` schema so a zero-config run exercises every api. Convention (README.md):
//   requests/<name>.json            the JSON body, sent as is
//   requests/<name>/                multipart: each file is a file field named after the file (without extension);
//                                   fields.json (an object) gives the plain text fields
//   <name> = the url's path segments joined by "_" ("/" -> "root", "/v1/predict" -> "v1_predict");
//            `<name>.<method>.json` / `<name>.<method>/` first, for two apis on one url.
import * as fs from 'node:fs';
import * as path from 'node:path';

interface SampleRequest {
  body: Buffer;
  contentType: string;
  /** Where the sample came from, for the report. */
  source: string;
  /** Declared size of the saved sample when it is too big to read (MA411); body is then empty. */
  oversizeBytes?: number;
}

/** The API gateway's request body limit (MA411, an error: APIG.0201). */

/** The source of a request built from the schema (a saved sample's source is its path). */
export const GENERATED = 'generated from request.data';
export const MAX_REQUEST_BYTES = 12 * 1024 * 1024;
/** The console's Predict page refuses bodies over 8 MB (MA411 as an info note: the gateway still takes them). */
export const CONSOLE_REQUEST_BYTES = 8 * 1024 * 1024;

/** A 1x1 PNG: the smallest real image, for `"type": "file"` fields. */
export const TINY_PNG = Buffer.from(
  '89504e470d0a1a0a0000000d4948445200000001000000010806000000' + '1f15c4890000000d49444154789c6360f8cfc0000003010100c9fe92ef0000000049454e44ae426082',
  'hex',
);

export function sampleName(url: string): string {
  const segs = url.split('?')[0].split('/').filter(Boolean).map((s) => s.replace(/[^A-Za-z0-9._-]+/g, '-'));
  return segs.length ? segs.join('_') : 'root';
}

type Schema = Record<string, unknown>;

/**
 * A value that satisfies common JSON Schema shapes (type, enum, const, min/max, items as object or tuple,
 * required). Written by hand: the npm generators (json-schema-faker) are large, random, and know nothing of
 * ModelArts' `"type": "file"` extension.
 */
export function exampleOf(s: unknown, depth = 0): unknown {
  if (!s || typeof s !== 'object' || depth > 8) return 'example';
  const schema = s as Schema;
  if ('const' in schema) return schema.const;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  for (const k of ['oneOf', 'anyOf', 'allOf']) {
    const alternatives = schema[k];
    if (Array.isArray(alternatives) && alternatives.length) return exampleOf(alternatives[0], depth + 1);
  }
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type ?? (schema.properties ? 'object' : schema.items || schema.item ? 'array' : 'string');
  switch (type) {
    case 'object': {
      const o: Record<string, unknown> = {};
      const props = (schema.properties ?? {}) as Record<string, unknown>;
      for (const [k, v] of Object.entries(props)) o[k] = exampleOf(v, depth + 1);
      for (const r of Array.isArray(schema.required) ? schema.required : []) if (typeof r === 'string' && !(r in o)) o[r] = 'example';
      return o;
    }
    case 'array': {
      const items = schema.items ?? schema.item;
      const n = Math.max(1, typeof schema.minItems === 'number' ? schema.minItems : 1);
      if (Array.isArray(items)) return items.length ? items.map((i) => exampleOf(i, depth + 1)) : [];
      return Array.from({ length: Math.min(n, 16) }, () => exampleOf(items, depth + 1));
    }
    case 'integer':
    case 'number': {
      const min = typeof schema.minimum === 'number' ? schema.minimum : typeof schema.exclusiveMinimum === 'number' ? schema.exclusiveMinimum + 1 : undefined;
      const max = typeof schema.maximum === 'number' ? schema.maximum : undefined;
      let v = min ?? (max !== undefined ? Math.min(1, max) : 1);
      if (type === 'integer') v = Math.ceil(v);
      return v;
    }
    case 'boolean':
      return true;
    case 'null':
      return null;
    case 'file':
      return TINY_PNG;
    default: {
      const n = typeof schema.minLength === 'number' ? schema.minLength : 0;
      return 'example'.padEnd(n, 'x');
    }
  }
}

async function multipart(fields: [string, string | { data: Buffer; filename: string }][]): Promise<{ body: Buffer; contentType: string }> {
  // The platform's own FormData/Response encode multipart bodies; no hand-written boundaries.
  const fd = new FormData();
  for (const [k, v] of fields) {
    if (typeof v === 'string') fd.append(k, v);
    else fd.append(k, new Blob([v.data]), v.filename);
  }
  const r = new Response(fd);
  return { body: Buffer.from(await r.arrayBuffer()), contentType: r.headers.get('content-type') ?? 'multipart/form-data' };
}

const isMultipart = (ct: string) => /multipart\/form-data/i.test(ct);

export async function requestFor(configDir: string, api: { url: string; method: string; contentType: string; schema: unknown }): Promise<SampleRequest> {
  const name = sampleName(api.url);
  const dir = path.join(configDir, 'requests');
  for (const base of [`${name}.${api.method.toLowerCase()}`, name]) {
    const file = path.join(dir, base + '.json');
    const folder = path.join(dir, base);
    if (fs.existsSync(file) && fs.statSync(file).isFile()) {
      const size = fs.statSync(file).size;
      const rel = path.relative(configDir, file);
      if (size > MAX_REQUEST_BYTES) return { body: Buffer.alloc(0), contentType: 'application/json', source: rel, oversizeBytes: size };
      return { body: fs.readFileSync(file), contentType: 'application/json', source: rel };
    }
    if (fs.existsSync(folder) && fs.statSync(folder).isDirectory()) {
      const rel = path.relative(configDir, folder);
      const entries = fs.readdirSync(folder).sort().filter((f) => fs.statSync(path.join(folder, f)).isFile());
      const total = entries.reduce((n, f) => n + fs.statSync(path.join(folder, f)).size, 0);
      if (total > MAX_REQUEST_BYTES) return { body: Buffer.alloc(0), contentType: 'multipart/form-data', source: rel, oversizeBytes: total };
      const fields: [string, string | { data: Buffer; filename: string }][] = [];
      for (const f of entries) {
        const p = path.join(folder, f);
        if (f === 'fields.json') {
          const obj = JSON.parse(fs.readFileSync(p, 'utf8')) as Record<string, unknown>;
          for (const [k, v] of Object.entries(obj)) fields.push([k, typeof v === 'string' ? v : JSON.stringify(v)]);
        } else fields.push([f.replace(/\.[^.]*$/, ''), { data: fs.readFileSync(p), filename: f }]);
      }
      return { ...(await multipart(fields)), source: rel };
    }
  }
  const value = exampleOf(api.schema ?? { type: 'object' });
  if (isMultipart(api.contentType)) {
    const fields: [string, string | { data: Buffer; filename: string }][] = [];
    if (value && typeof value === 'object' && !Buffer.isBuffer(value)) {
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        fields.push([k, Buffer.isBuffer(v) ? { data: v, filename: 'sample.png' } : typeof v === 'string' ? v : JSON.stringify(v)]);
      }
    }
    return { ...(await multipart(fields)), source: GENERATED };
  }
  const json = JSON.stringify(value, (_k, v) => (v && v.type === 'Buffer' && Array.isArray(v.data) ? Buffer.from(v.data).toString('base64') : v));
  return { body: Buffer.from(json), contentType: 'application/json', source: GENERATED };
}
