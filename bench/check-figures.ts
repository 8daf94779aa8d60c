// `modelarts-image check` over 1,000 model folders (copies of examples/online, each with its own edit), as CI runs
// it: wall time and the process's peak RSS. No peer checks whole model folders, so the goals are absolute.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { figure, median, type Figure } from './figures';
import { repo } from './inputs';
import { ensureBuilt } from '../test/server/lsp';

const TMP = path.join(__dirname, 'tmp', 'folders-1000');
/** Preloaded into the CLI: prints its peak RSS (KB) on exit, so the figure is the process's own. */
const HOOK = "process.on('exit', () => process.stderr.write(`\\nmaxrss-kb ${process.resourceUsage().maxRSS}\\n`));";

function makeFolders(n: number): void {
  fs.rmSync(TMP, { recursive: true, force: true });
  const src = path.join(repo, 'examples', 'online');
  const files = fs.readdirSync(src).filter((f) => fs.statSync(path.join(src, f)).isFile());
  for (let i = 0; i < n; i++) {
    const dir = path.join(TMP, `model-${i}`);
    fs.mkdirSync(dir, { recursive: true });
    for (const f of files) {
      const text = fs.readFileSync(path.join(src, f), 'utf8');
      fs.writeFileSync(path.join(dir, f), f === 'config.json' ? text.replace('0.462963', `0.4${i}`) : text);
    }
  }
}

export async function checkFigures(log: (s: string) => void, o: { runs?: number; folders?: number } = {}): Promise<Figure[]> {
  ensureBuilt(); // the same build step builds dist/cli.js
  const runs = o.runs ?? 3;
  const n = o.folders ?? 1000;
  makeFolders(n);
  const hook = path.join(TMP, 'maxrss-hook.cjs');
  fs.writeFileSync(hook, HOOK);
  try {
    const ms: number[] = [];
    const rss: number[] = [];
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      const p = spawnSync(process.execPath, ['-r', hook, path.join(repo, 'dist', 'cli.js'), 'check', TMP, '--format', 'json'], { encoding: 'utf8' });
      ms.push(performance.now() - t0);
      if (p.status !== 0 && p.status !== 1) throw new Error(`check exited ${p.status}: ${p.stderr}`);
      const found = (JSON.parse(p.stdout) as { findings: unknown[] }).findings.length;
      rss.push(Number(/maxrss-kb (\d+)/.exec(p.stderr)?.[1] ?? NaN) / 1024);
      log(`check of ${n} folders, run ${r + 1}: ${ms[r].toFixed(0)} ms, peak RSS ${rss[r].toFixed(1)} MB, ${found} findings`);
    }
    const note = `${n} copies of examples/online; median of ${runs} runs of dist/cli.js check --format json (spawn included)`;
    return [
      figure({ name: `check of ${n} model folders, time`, ours: median(ms), peer: null, peerName: '', unit: 'ms', goal: 'ours <= 1500', note }),
      figure({ name: `check of ${n} model folders, peak RSS`, ours: median(rss), peer: null, peerName: '', unit: 'MB', goal: 'ours <= 100', note }),
    ];
  } finally {
    fs.rmSync(TMP, { recursive: true, force: true });
  }
}
