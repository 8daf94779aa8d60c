// Shared by the MA4xx rule tests (test/rules/MA4xx.test.ts): a fixture image that gives exactly its code, and the
// failing and passing examples of the code's page (docs/rules/MA4xx.md) run on the real engine. Outside CI with no
// engine the tests skip; with CI set they fail (engineOrSkip throws).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runConformance, type ConformanceOptions, type Report } from '../../engine/conformance';
import type { Engine } from '../../engine/connect';
import { engineOrSkip, codesOf, assertNoLabelled, FIXTURES, FAST } from '../engine/engine-helpers';

interface FixtureCase {
  /** A folder of test/fixtures/images. */
  dir: string;
  /** The one check that fails. */
  check: string;
  opts?: Partial<ConformanceOptions>;
  /** Runs first (MA402: the arm64 base image). */
  before?: (engine: Engine) => Promise<unknown>;
}

/** Each fixture produces exactly its code, failing exactly its check, with the finding in the fixture's files. */
export function fixtureCases(code: string, cases: FixtureCase[]): void {
  for (const c of cases) {
    test(`${c.dir} gives exactly ${code}`, async (t) => {
      const engine = await engineOrSkip();
      if (!engine) return t.skip('no engine');
      await c.before?.(engine);
      const r = await runConformance(path.join(FIXTURES, c.dir), { ...FAST, ...c.opts, engine });
      assert.deepEqual(codesOf(r), [code], JSON.stringify(r.checks, null, 1));
      assert.equal(r.passed, false);
      const failed = r.checks.filter((k) => k.status === 'fail').map((k) => k.id);
      assert.deepEqual(failed, [c.check]);
      assert.equal(r.checks.find((k) => k.id === c.check)?.code, code);
      const f = r.findings[0];
      assert.ok(f.file.startsWith(path.join(FIXTURES, c.dir)), f.file);
      assert.equal(f.severity, code === 'MA408' ? 'warning' : 'error');
    });
  }
}

/** After the file's tests no container labelled by the kit remains. */
export function noContainersAfter(): void {
  after(async () => {
    const engine = await engineOrSkip();
    if (engine) assert.deepEqual(await assertNoLabelled(engine), []);
  });
}

type Files = Record<string, string>;

interface Example {
  files: Files;
  /** Files of a listing block with a size ("images.jpg   20 MB"): made that big. */
  sized: Record<string, number>;
  /** Options of the page's `npx modelarts-image test` line. */
  options: Partial<ConformanceOptions>;
}

const DOCS = path.resolve(__dirname, '../../docs/rules');

/** What a page leaves out: a stdlib server that handles SIGTERM, answers every GET and POST, and logs each request. */
const DEFAULTS: Files = {
  Dockerfile: 'FROM python:3.11-slim\nCOPY server.py /home/server.py\nCMD ["python3", "/home/server.py"]\n',
  'server.py': [
    'import json, signal, threading',
    'from http.server import BaseHTTPRequestHandler, HTTPServer',
    'class H(BaseHTTPRequestHandler):',
    '    def answer(self, body):',
    '        data = json.dumps(body).encode()',
    '        self.send_response(200)',
    '        self.send_header("Content-Type", "application/json")',
    '        self.send_header("Content-Length", str(len(data)))',
    '        self.end_headers()',
    '        self.wfile.write(data)',
    '    def do_GET(self):',
    '        self.answer({"health": "true"})',
    '    def do_POST(self):',
    '        self.rfile.read(int(self.headers.get("Content-Length", 0)))',
    '        self.answer({"result": "ok"})',
    'server = HTTPServer(("0.0.0.0", 8080), H)',
    'signal.signal(signal.SIGTERM, lambda *_: threading.Thread(target=server.shutdown).start())',
    'server.serve_forever()',
    '',
  ].join('\n'),
  'run.sh': '#!/bin/sh\nexec python3 /home/server.py\n',
  'config.json': JSON.stringify({
    model_type: 'Image', model_algorithm: 'image_classification',
    apis: [{ url: '/', method: 'post', request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' } }],
  }, null, 2) + '\n',
};

/** `--size-limit 0.25 --stop-timeout 3` → options (only the flags the pages use). */
function optionsOf(line: string): Partial<ConformanceOptions> {
  const o: Partial<ConformanceOptions> = {};
  const flag = (name: string) => new RegExp(`--${name} (\\S+)`).exec(line)?.[1];
  const size = flag('size-limit');
  if (size) o.sizeLimitBytes = Number(size) * 1024 ** 3;
  const stop = flag('stop-timeout');
  if (stop) o.stopTimeoutS = Number(stop);
  const profile = flag('profile');
  if (profile === 'current' || profile === 'seed-2021') o.profile = profile;
  return o;
}

/** A folder listing ("model/", two spaces per level): the files it gives a size in MB. */
function sizedFiles(listing: string): Record<string, number> {
  const out: Record<string, number> = {};
  const dirs: string[] = [];
  for (const line of listing.split('\n').slice(1)) {
    const m = /^( *)(\S+)(.*)$/.exec(line);
    if (!m) continue;
    const depth = m[1].length / 2 - 1;
    dirs.length = Math.max(0, depth);
    if (m[2].endsWith('/')) dirs.push(m[2].slice(0, -1));
    const mb = /(\d+(?:\.\d+)?) MB\s*$/.exec(m[3]);
    if (mb) out[[...dirs, m[2]].join('/')] = Number(mb[1]) * 1024 * 1024;
  }
  return out;
}

/**
 * The example of a page section: ```dockerfile → Dockerfile, ```json → config.json, ```<lang> <name> → that file,
 * a ```sh block's `npx modelarts-image test` line → its options, a listing block → files of the sizes it gives.
 */
function exampleOf(code: string, title: 'Failing example' | 'Passing example'): Example {
  const md = fs.readFileSync(path.join(DOCS, `${code}.md`), 'utf8');
  const start = md.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, `${code}: ${title}`);
  const end = md.indexOf('\n## ', start + 4);
  const text = md.slice(start, end < 0 ? undefined : end);
  const ex: Example = { files: {}, sized: {}, options: {} };
  for (const m of text.matchAll(/```(\w*)(?: ([\w./-]+))?\n([\s\S]*?)```/g)) {
    const [, lang, name, body] = m;
    if (name) ex.files[name] = body;
    else if (lang === 'dockerfile') ex.files.Dockerfile = body;
    else if (lang === 'json') ex.files['config.json'] = body;
    else if (lang === 'sh') Object.assign(ex.options, ...body.split('\n').filter((l) => l.startsWith('npx modelarts-image test')).map(optionsOf));
    else if (lang === '') Object.assign(ex.sized, sizedFiles(body));
  }
  return ex;
}

/** The passing example is "the same folder" as the failing one but for what it shows; then the defaults. */
function folderOf(ex: Example, base?: Example): Example {
  const files: Files = { ...base?.files, ...ex.files };
  const dockerfile = files.Dockerfile ?? DEFAULTS.Dockerfile;
  for (const [name, text] of Object.entries(DEFAULTS)) {
    if (files[name] !== undefined) continue;
    if (name === 'Dockerfile' || name === 'config.json' || dockerfile.includes(name)) files[name] = text;
  }
  return { files, sized: { ...base?.sized, ...ex.sized }, options: { ...base?.options, ...ex.options } };
}

function write(ex: Example): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-doc-'));
  for (const [name, text] of Object.entries(ex.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  for (const [name, bytes] of Object.entries(ex.sized)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), Buffer.alloc(bytes));
  }
  return dir;
}

interface DocOptions {
  /** Turns a page's files into what this machine can build (MA402: the base image of an arm64 machine). */
  prepare?: (engine: Engine, files: Files) => Promise<Files>;
}

/** Short waits: the examples serve at once, and a server that ignores SIGTERM is killed after 1 s. */
const DOC_RUN = { stopTimeoutS: 1, startTimeoutMs: 5000, requestTimeoutMs: 10_000, removeImage: false } as const;

async function runExample(engine: Engine, code: string, which: 'failing' | 'passing', ex: Example, o: DocOptions): Promise<Report> {
  const files = o.prepare ? await o.prepare(engine, ex.files) : ex.files;
  const dir = write({ ...ex, files });
  try {
    // One tag per example: a second run reuses the first one's layers.
    const tag = `mik-doc-${code.toLowerCase()}-${which}:modelarts-dev`;
    return await runConformance(dir, { ...DOC_RUN, ...ex.options, engine, tag });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** The page's failing example reports the code on the real engine; its passing example passes without it. */
export function docExamples(code: string, o: DocOptions = {}): void {
  test(`docs/rules/${code}.md: the failing example reports ${code}, the passing one passes`, async (t) => {
    const engine = await engineOrSkip();
    if (!engine) return t.skip('no engine');
    const failing = folderOf(exampleOf(code, 'Failing example'));
    const passing = folderOf(exampleOf(code, 'Passing example'), failing);
    const bad = await runExample(engine, code, 'failing', failing, o);
    assert.ok(codesOf(bad).includes(code), `failing example: ${codesOf(bad).join(' ')}\n${JSON.stringify(bad.checks, null, 1)}`);
    const good = await runExample(engine, code, 'passing', passing, o);
    assert.ok(!codesOf(good).includes(code), `passing example: ${codesOf(good).join(' ')}`);
    assert.equal(good.passed, true, JSON.stringify(good.checks.filter((c) => c.status === 'fail'), null, 1));
  });
}
