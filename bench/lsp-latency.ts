// Measures the language server as an editor sees it: cold start (spawn -> initialize result) and
// didChange -> publishDiagnostics (including the server's debounce), plus the in-process check time of a
// typical config.json. Prints JSON; nothing is asserted.
// Usage: node --import tsx bench/lsp-latency.ts [--runs N] [--edits N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { LspClient, ensureBuilt } from '../test/server/lsp';
import { removeFolder, tempFolder } from '../test/helpers/tmp';
import { checkModelFolder, createParseCache } from '../core/check';
import { defaultOptions } from '../core/types';
import { diskFiles } from '../core/files';
import { folderForFile } from '../core/folders';
import { stats as figureStats, type Stats } from './figures';

export interface LspLatency { coldStartMs: Stats; didChangeToPublishMs: Stats; checkTypicalConfigMs: Stats; debounceMs: number }

/** figures.ts's statistics (one median definition for every bench), rounded to 0.01 ms for the JSON. */
function stats(xs: number[]): Stats {
  const r = (x: number) => Math.round(x * 100) / 100;
  const s = figureStats(xs);
  return { n: s.n, min: r(s.min), median: r(s.median), p95: r(s.p95), max: r(s.max) };
}

/** A typical online-service config.json: the example's when present, else a representative one. */
function typicalConfig(): string {
  const example = path.resolve(__dirname, '..', 'examples', 'online', 'config.json');
  if (fs.existsSync(example)) return fs.readFileSync(example, 'utf8');
  return JSON.stringify(
    {
      model_algorithm: 'object_detection',
      model_type: 'Image',
      apis: [{
        url: '/predict', method: 'post', protocol: 'http',
        request: { 'Content-type': 'multipart/form-data', data: { type: 'object', properties: { images: { type: 'file' } } } },
        response: {
          'Content-type': 'application/json',
          data: { type: 'object', properties: { detection_classes: { type: 'array', items: { type: 'string' } } } },
        },
      }],
      health: { url: '/health', protocol: 'http', initial_delay_seconds: 30, timeout_seconds: 5, period_seconds: 10, failure_threshold: 3 },
    },
    null,
    2,
  );
}

export async function measureLspLatency(runs = 5, edits = 30): Promise<LspLatency> {
  ensureBuilt();
  const config = typicalConfig();
  const dir = tempFolder({ 'config.json': config, Dockerfile: 'FROM python:3.9-slim\nEXPOSE 8080\nCOPY . /app\nCMD ["python", "/app/app.py"]\n' });
  const file = path.join(dir, 'config.json');
  try {
    const cold: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const c = await LspClient.start({ roots: [dir], noBuild: true });
      cold.push(performance.now() - t0);
      await c.stop();
    }

    const c = await LspClient.start({ roots: [dir] });
    const publish: number[] = [];
    try {
      await c.open(file, config);
      await c.waitForFile(file);
      for (let i = 0; i < edits; i++) {
        // Alternate a harmless edit (a trailing space) so every change gives a new publish.
        const text = i % 2 ? config : config + ' ';
        const since = c.mark();
        const t0 = performance.now();
        const v = await c.change(file, text);
        await c.waitForFile(file, since, (p) => p.version === v);
        publish.push(performance.now() - t0);
      }
    } finally {
      await c.stop();
    }

    const folder = folderForFile(file, diskFiles, defaultOptions(), dir);
    const check: number[] = [];
    if (folder) {
      for (let i = 0; i < 50; i++) {
        // A fresh cache each time: the editor re-parses the edited file on every change.
        const t0 = performance.now();
        checkModelFolder(folder, defaultOptions(), diskFiles, createParseCache());
        check.push(performance.now() - t0);
      }
    }
    const { CHECK_INTERVAL_MS } = await import('../server/src/features/validation');
    return {
      coldStartMs: stats(cold), didChangeToPublishMs: stats(publish), checkTypicalConfigMs: stats(check.length ? check : [NaN]), debounceMs: CHECK_INTERVAL_MS,
    };
  } finally {
    removeFolder(dir);
  }
}

if (require.main === module) {
  const arg = (name: string, def: number) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) || def : def;
  };
  measureLspLatency(arg('--runs', 5), arg('--edits', 30)).then(
    (r) => console.log(JSON.stringify(r, null, 2)),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
