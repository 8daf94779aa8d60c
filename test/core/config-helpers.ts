// Shared helpers of the config.json rule tests: check an in-memory config.json through the real entry
// (checkModelFolder with a FileSource over texts), apply fixes to text.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkModelFolder } from '../../core/check';
import { defaultOptions, type CheckOptions, type FileSource, type Finding, type TextEdit } from '../../core/types';
import { parseConfig } from '../../core/parse/config';

export const FIXTURES = path.join(__dirname, '..', 'fixtures', 'config');
const CONFIG = '/model/config.json';

export function memFiles(files: Record<string, string>): FileSource {
  const dirs = new Set<string>();
  for (const f of Object.keys(files)) for (let d = path.dirname(f); d !== path.dirname(d); d = path.dirname(d)) dirs.add(d);
  dirs.add('/');
  return {
    readText: (p) => files[p],
    exists: (p) => p in files || dirs.has(p),
    isDirectory: (p) => dirs.has(p),
    listDir: (p) => [...new Set(Object.keys(files).concat([...dirs]).filter((f) => path.dirname(f) === p && f !== p).map((f) => path.basename(f)))],
  };
}

/** The config.json findings (MA1xx) of a model folder holding only this config.json. */
export function check(text: string, opts: Partial<CheckOptions> = {}): Finding[] {
  const o = { ...defaultOptions(), ...opts };
  return checkModelFolder({ dir: '/model', configPath: CONFIG }, o, memFiles({ [CONFIG]: text })).filter((f) => f.file === CONFIG && /^MA1\d\d$/.test(f.code));
}

export const json = (v: unknown): string => JSON.stringify(v, null, 2) + '\n';
export const codes = (fs: Finding[]): string[] => fs.map((f) => f.code);
/** Findings at warning or error level. */
export const serious = (fs: Finding[]): Finding[] => fs.filter((f) => f.severity === 'error' || f.severity === 'warning');

/** Applies non-overlapping edits (any order) to a text. */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const doc = parseConfig('/x', text);
  const abs = edits.map((e) => ({ start: doc.doc.offsetAt(e.range.start), end: doc.doc.offsetAt(e.range.end), text: e.newText }));
  abs.sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of abs) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

export const readFixture = (...p: string[]): string => fs.readFileSync(path.join(FIXTURES, ...p), 'utf8');

/** A small valid Image config to start cases from. */
export const goodImage = (): Record<string, unknown> => ({
  model_algorithm: 'image_classification',
  model_type: 'Image',
  apis: [{ url: '/predict', method: 'post', request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' } }],
  health: { url: '/health', protocol: 'http', initial_delay_seconds: '12', timeout_seconds: 30 },
});

type Obj = Record<string, unknown>;
/** The small Image config with some fields replaced, as text. */
export const img = (patch: Obj = {}): string => json({ ...goodImage(), ...patch });
/** A TensorFlow (built-in engine) config with some fields added, as text. */
export const tf = (patch: Obj = {}): string =>
  json({ model_algorithm: 'image_classification', model_type: 'TensorFlow', apis: [{ url: '/', method: 'post' }], ...patch });
/** The Image config with one api (url "/", POST) and the given fields in it. */
export const withApi = (api: Obj, extra: Obj = {}): string => img({ apis: [{ url: '/', method: 'post', ...api }], ...extra });
/** A model folder holding only this config.json (for test/helpers/ruleTester.ts). */
export const configOnly = (text: string): Record<string, string> => ({ 'config.json': text });
