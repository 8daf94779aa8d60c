// Language-server figures, ours next to dockerfile-language-server-nodejs and the VS Code JSON server, all spawned
// and driven the same way in the same run: spawn -> initialize, didChange -> publishDiagnostics (each server's own
// debounce included), and RSS after 1,000 edits.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Driver, type ServerSpec } from './lsp-driver';
import { figure, stats, median, type Figure } from './figures';
import { repo } from './inputs';
import { ensureBuilt } from '../test/server/lsp';
import { SERVER_NODE_FLAGS } from '../core/launch';

// Started with the flags the extension uses.
const OURS: ServerSpec = {
  name: 'ours', argv: [...SERVER_NODE_FLAGS, path.join(repo, 'dist', 'server.js'), '--stdio'], section: (s) => (s === 'modelarts' ? {} : null),
};
const DOCKER: ServerSpec = {
  name: 'dockerfile-language-server-nodejs 0.15.0',
  argv: [path.join(repo, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'), '--stdio'],
};
const JSON_SERVER: ServerSpec = {
  name: 'vscode-json-languageserver 1.3.4',
  argv: [path.join(repo, 'node_modules', 'vscode-json-languageserver', 'bin', 'vscode-json-languageserver'), '--stdio'],
  initializationOptions: { provideFormatter: false },
  pushSettings: { json: { schemas: [{ url: pathToFileURL(path.join(repo, 'schemas', 'config.schema.json')).href, fileMatch: ['config.json'] }] } },
};

interface Target { file: string; languageId: string; variant: (i: number) => string }

/** A copy of the online example: the folder every server works on. */
function modelFolder(): { dir: string; config: Target; dockerfile: Target } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-bench-'));
  for (const n of fs.readdirSync(path.join(repo, 'examples', 'online'))) fs.copyFileSync(path.join(repo, 'examples', 'online', n), path.join(dir, n));
  const config = fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
  const dockerfile = fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8');
  if (!config.includes('0.462963') || !dockerfile.includes('ENV PYTHONUNBUFFERED=1')) {
    throw new Error('the online example changed: update the edits of bench/servers.ts');
  }
  return {
    dir,
    // Each edit changes a value, as typing does, so no server can answer from a cache of the same text.
    config: { file: path.join(dir, 'config.json'), languageId: 'json', variant: (i) => config.replace('0.462963', `0.4${i}`) },
    dockerfile: {
      file: path.join(dir, 'Dockerfile'), languageId: 'dockerfile',
      variant: (i) => dockerfile.replace('ENV PYTHONUNBUFFERED=1', `ENV PYTHONUNBUFFERED=1 REV=${i}`),
    },
  };
}

async function initializeTimes(specs: ServerSpec[], root: string, runs: number): Promise<number[][]> {
  const out: number[][] = specs.map(() => []);
  for (let r = 0; r < runs + 1; r++) {
    for (const [k, spec] of specs.entries()) {
      const d = await Driver.start(spec, root);
      if (r > 0) out[k].push(d.initializeMs); // the first run warms the disk cache
      await d.stop();
    }
  }
  return out;
}

/** didChange -> publish latencies of `edits` edits, one at a time, after a few warm-up edits. */
async function publishLatency(spec: ServerSpec, root: string, t: Target, edits: number): Promise<number[]> {
  const d = await Driver.start(spec, root);
  try {
    const since = d.mark();
    const uri = await d.open(t.file, t.languageId, t.variant(0));
    await d.waitPublish(uri, since);
    const out: number[] = [];
    for (let i = 1; i <= edits + 5; i++) {
      const mark = d.mark();
      const t0 = performance.now();
      const v = await d.change(uri, t.variant(i));
      const hit = await d.waitPublish(uri, mark, v);
      if (i > 5) out.push(hit.at - t0);
    }
    return out;
  } finally {
    await d.stop();
  }
}

/** RSS after 1,000 edits: sent in bursts of 10, each burst waited for, so every server checks ~100 times. */
async function rssAfterEdits(spec: ServerSpec, root: string, t: Target, edits = 1000): Promise<number> {
  const d = await Driver.start(spec, root);
  try {
    let mark = d.mark();
    const uri = await d.open(t.file, t.languageId, t.variant(0));
    await d.waitPublish(uri, mark);
    for (let i = 1; i <= edits; i++) {
      if (i % 10 === 0) mark = d.mark();
      const v = await d.change(uri, t.variant(i));
      if (i % 10 === 0) await d.waitPublish(uri, mark, v);
    }
    await new Promise((r) => setTimeout(r, 500));
    return d.rssMB();
  } finally {
    await d.stop();
  }
}

export async function serverFigures(log: (s: string) => void = () => undefined, o: { initRuns?: number; edits?: number } = {}): Promise<Figure[]> {
  ensureBuilt();
  const initRuns = o.initRuns ?? 10;
  const edits = o.edits ?? 60;
  const { dir, config, dockerfile } = modelFolder();
  try {
    const [ours, docker, json] = (await initializeTimes([OURS, DOCKER, JSON_SERVER], dir, initRuns)).map(median);
    log(`initialize: ours ${ours.toFixed(1)} ms, docker-langserver ${docker.toFixed(1)} ms, json server ${json.toFixed(1)} ms`);
    const coldNote = `median of ${initRuns} cold starts each, alternating`;
    const figs: Figure[] = [
      figure({
        name: 'server spawn -> initialize (vs Dockerfile server)', ours, peer: docker, peerName: DOCKER.name, unit: 'ms', goal: 'ours <= 250', note: coldNote,
      }),
      figure({
        name: 'server spawn -> initialize (vs JSON server)', ours, peer: json, peerName: JSON_SERVER.name, unit: 'ms', goal: 'ours <= 250', note: coldNote,
      }),
    ];
    for (const [label, t, peer] of [['Dockerfile', dockerfile, DOCKER], ['config.json', config, JSON_SERVER]] as const) {
      const a = stats(await publishLatency(OURS, dir, t, edits));
      const b = stats(await publishLatency(peer, dir, t, edits));
      log(`didChange -> publish, ${label}: ours p50 ${a.median.toFixed(1)} / p95 ${a.p95.toFixed(1)} ms, ` +
        `${peer.name} p50 ${b.median.toFixed(1)} / p95 ${b.p95.toFixed(1)} ms`);
      const note = `${edits} edits one at a time after 5 warm-up edits; each server's debounce included`;
      figs.push(figure({
        name: `didChange -> publish p50, ${label}`, ours: a.median, peer: b.median, peerName: peer.name, unit: 'ms', goal: 'ours <= 150', note,
      }));
      figs.push(figure({ name: `didChange -> publish p95, ${label}`, ours: a.p95, peer: b.p95, peerName: peer.name, unit: 'ms', goal: 'ours <= 150', note }));
    }
    for (const [label, t, peer] of [['Dockerfile', dockerfile, DOCKER], ['config.json', config, JSON_SERVER]] as const) {
      const a = await rssAfterEdits(OURS, dir, t);
      const b = await rssAfterEdits(peer, dir, t);
      log(`RSS after 1,000 edits, ${label}: ours ${a.toFixed(1)} MB, ${peer.name} ${b.toFixed(1)} MB`);
      figs.push(figure({
        name: `server RSS after 1,000 edits, ${label}`, ours: a, peer: b, peerName: peer.name, unit: 'MB', goal: 'ours <= 60',
        note: '1,000 full-text edits in bursts of 10, each burst waited for',
      }));
    }
    return figs;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
