// Language-server figures, ours next to dockerfile-language-server-nodejs and the VS Code JSON server, all spawned
// and driven the same way in the same run: spawn -> initialize, didChange -> publishDiagnostics (each server's own
// debounce included), and RSS after 1,000 edits.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Driver, type ServerSpec } from './lsp-driver';
import { figure, installedVersion, stats, median, type Figure } from './figures';
import { repo } from './inputs';
import { ensureBuilt } from '../test/server/lsp';
import { SERVER_NODE_FLAGS } from '../core/launch';

// Started with the flags the extension uses.
const OURS: ServerSpec = {
  name: 'ours', argv: [...SERVER_NODE_FLAGS, path.join(repo, 'dist', 'server.js'), '--stdio'], section: (s) => (s === 'modelarts' ? {} : null),
};
const DOCKER: ServerSpec = {
  name: `dockerfile-language-server-nodejs ${installedVersion('dockerfile-language-server-nodejs')}`,
  argv: [path.join(repo, 'node_modules', 'dockerfile-language-server-nodejs', 'bin', 'docker-langserver'), '--stdio'],
};
const JSON_SERVER: ServerSpec = {
  name: `vscode-json-languageserver ${installedVersion('vscode-json-languageserver')}`,
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
    // Each round starts with another server: none always meets a cold or a warm disk cache.
    const order = specs.map((_, k) => (k + r) % specs.length);
    for (const k of order) {
      const spec = specs[k];
      const d = await Driver.start(spec, root);
      if (r > 0) out[k].push(d.initializeMs); // the first run warms the disk cache
      await d.stop();
    }
  }
  return out;
}

/** A server with the target open and its first diagnostics in. */
async function opened(spec: ServerSpec, root: string, t: Target): Promise<{ d: Driver; uri: string }> {
  const d = await Driver.start(spec, root);
  const since = d.mark();
  const uri = await d.open(t.file, t.languageId, t.variant(0));
  await d.waitPublish(uri, since);
  return { d, uri };
}

/** One edit after idle: ms from didChange to the publish of that version. */
async function oneEdit(s: { d: Driver; uri: string }, text: string): Promise<number> {
  const mark = s.d.mark();
  const t0 = performance.now();
  const v = await s.d.change(s.uri, text);
  return (await s.d.waitPublish(s.uri, mark, v)).at - t0;
}

/**
 * didChange -> publish of single edits after idle, ours and the peer running side by side and taking turns (who
 * edits first alternates), after 5 warm-up edits each.
 */
async function publishLatency(a: ServerSpec, b: ServerSpec, root: string, t: Target, edits: number): Promise<[number[], number[]]> {
  const [x, y] = [await opened(a, root, t), await opened(b, root, t)];
  try {
    const out: [number[], number[]] = [[], []];
    for (let i = 1; i <= edits + 5; i++) {
      const first = i % 2 === 0 ? 0 : 1;
      for (const k of [first, 1 - first]) {
        const ms = await oneEdit(k === 0 ? x : y, t.variant(i));
        if (i > 5) out[k].push(ms);
        await new Promise((r) => setTimeout(r, 150)); // idle again: a single edit, not a burst
      }
    }
    return out;
  } finally {
    await Promise.all([x.d.stop(), y.d.stop()]);
  }
}

/** A burst: 10 edits 30 ms apart; ms from the last edit to its diagnostics, and publishes of older versions after it. */
async function burst(spec: ServerSpec, root: string, t: Target, bursts: number): Promise<{ ms: number[]; stale: number }> {
  const s = await opened(spec, root, t);
  try {
    const ms: number[] = [];
    let stale = 0;
    for (let b = 0; b < bursts; b++) {
      let v = 0;
      let mark = 0;
      let t0 = 0;
      for (let i = 0; i < 10; i++) {
        if (i) await new Promise((r) => setTimeout(r, 30));
        mark = s.d.mark();
        t0 = performance.now();
        v = await s.d.change(s.uri, t.variant(1000 + b * 10 + i));
      }
      const hit = await s.d.waitPublish(s.uri, mark, v);
      ms.push(hit.at - t0);
      await new Promise((r) => setTimeout(r, 300));
      // Stale: diagnostics of an older version published after those of the newest one.
      stale += s.d.publishesAfter(hit.p).filter((p) => p.uri === s.uri && p.version !== undefined && p.version < v).length;
    }
    return { ms, stale };
  } finally {
    await s.d.stop();
  }
}

/** Single-edit p50/p95 against the peer (the same work: one edit after idle), and our burst figure. */
async function latencyFigures(
  label: string, t: Target, peer: ServerSpec, dir: string, edits: number, log: (s: string) => void,
): Promise<Figure[]> {
  const [a, b] = (await publishLatency(OURS, peer, dir, t, edits)).map(stats);
  log(`didChange -> publish, ${label}: ours p50 ${a.median.toFixed(1)} / p95 ${a.p95.toFixed(1)} ms, ` +
    `${peer.name} p50 ${b.median.toFixed(1)} / p95 ${b.p95.toFixed(1)} ms`);
  const note = `${edits} single edits after idle, ours and the peer taking turns, after 5 warm-up edits; each server's debounce included`;
  const bs = await burst(OURS, dir, t, Math.max(3, Math.round(edits / 6)));
  const last = stats(bs.ms);
  log(`burst of 10 edits 30 ms apart, ${label}: last edit -> its diagnostics p50 ${last.median.toFixed(1)} ms, stale publishes ${bs.stale}`);
  return [
    figure({
      name: `didChange -> publish p50, ${label}`, ours: a.median, peer: b.median, peerName: peer.name, unit: 'ms', goal: 'ours <= 5 and ratio <= 1.0', note,
    }),
    figure({ name: `didChange -> publish p95, ${label}`, ours: a.p95, peer: b.p95, peerName: peer.name, unit: 'ms', goal: 'ours <= 15', note }),
    figure({
      name: `burst: last edit -> its diagnostics, ${label}`, ours: last.median, peer: null, peerName: '', unit: 'ms', goal: 'ours <= 60',
      note: `${bs.ms.length} bursts of 10 edits 30 ms apart, median; ${bs.stale} stale publishes (an older version after the newest)`,
    }),
    figure({
      name: `burst: stale publishes, ${label}`, ours: bs.stale, peer: null, peerName: '', unit: 'publishes', goal: 'ours <= 0',
      note: 'diagnostics of an older version published after those of the newest one',
    }),
  ];
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

export async function serverFigures(
  log: (s: string) => void = () => undefined, o: { initRuns?: number; edits?: number; rssEdits?: number } = {},
): Promise<Figure[]> {
  ensureBuilt();
  const initRuns = o.initRuns ?? 10;
  const edits = o.edits ?? 60;
  const { dir, config, dockerfile } = modelFolder();
  try {
    const [ours, docker, json] = (await initializeTimes([OURS, DOCKER, JSON_SERVER], dir, initRuns)).map(median);
    log(`initialize: ours ${ours.toFixed(1)} ms, docker-langserver ${docker.toFixed(1)} ms, json server ${json.toFixed(1)} ms`);
    const coldNote = `median of ${initRuns} cold starts each, alternating`;
    const initGoal = 'ours <= 150 and ratio <= 1.0';
    const figs: Figure[] = [
      figure({
        name: 'server spawn -> initialize (vs Dockerfile server)', ours, peer: docker, peerName: DOCKER.name, unit: 'ms', goal: initGoal, note: coldNote,
      }),
      figure({
        name: 'server spawn -> initialize (vs JSON server)', ours, peer: json, peerName: JSON_SERVER.name, unit: 'ms', goal: initGoal, note: coldNote,
      }),
    ];
    for (const [label, t, peer] of [['Dockerfile', dockerfile, DOCKER], ['config.json', config, JSON_SERVER]] as const) {
      figs.push(...(await latencyFigures(label, t, peer, dir, edits, log)));
    }
    for (const [k, [label, t, peer]] of ([['Dockerfile', dockerfile, DOCKER], ['config.json', config, JSON_SERVER]] as const).entries()) {
      // One file kind measures ours first, the other the peer first.
      let a: number;
      let b: number;
      if (k === 0) {
        a = await rssAfterEdits(OURS, dir, t, o.rssEdits);
        b = await rssAfterEdits(peer, dir, t, o.rssEdits);
      } else {
        b = await rssAfterEdits(peer, dir, t, o.rssEdits);
        a = await rssAfterEdits(OURS, dir, t, o.rssEdits);
      }
      log(`RSS after 1,000 edits, ${label}: ours ${a.toFixed(1)} MB, ${peer.name} ${b.toFixed(1)} MB`);
      figs.push(figure({
        name: `server RSS after 1,000 edits, ${label}`, ours: a, peer: b, peerName: peer.name, unit: 'MB', goal: 'ours <= 55 and ratio <= 1.0',
        note: '1,000 full-text edits in bursts of 10, each burst waited for',
      }));
    }
    return figs;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
