// Engine figures on the real Docker engine: build-context upload of a generated 2 GB model folder (our streamed
// upload vs `docker build` with the classic builder, which also sends the whole context), our peak RSS growth
// during it, and the conformance run's overhead beyond the container's own start.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { connectEngine, type Engine } from '../engine/connect';
import { buildImage } from '../engine/build';
import { runConformance } from '../engine/conformance';
import { figure, median, type Figure } from './figures';
import { repo } from './inputs';

const TMP = path.join(__dirname, 'tmp');
const FILE_MB = 256;

/** xorshift32: deterministic bytes without holding 2 GB in memory (1 MB block per file, varied per MB). */
function block(seed: number): Buffer {
  const b = Buffer.alloc(1 << 20);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < b.length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b.writeUInt32LE(x >>> 0, i);
  }
  return b;
}

/** bench/tmp/model-2gb: Dockerfile, config.json and 8 x 256 MB weight files. */
function makeBigFolder(totalMB = 2048): string {
  const dir = path.join(TMP, 'model-2gb');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, 'model'), { recursive: true });
  fs.copyFileSync(path.join(repo, 'examples', 'online', 'config.json'), path.join(dir, 'config.json'));
  // No COPY: the build itself is instant, so the time is the context upload.
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox:latest\nLABEL bench=context-upload\n');
  for (let f = 0; f < totalMB / FILE_MB; f++) {
    const fd = fs.openSync(path.join(dir, 'model', `weights-${f}.bin`), 'w');
    const base = block(f + 1);
    for (let mb = 0; mb < FILE_MB; mb++) {
      base.writeUInt32LE(mb, 0); // no two MB alike
      fs.writeSync(fd, base);
    }
    fs.closeSync(fd);
  }
  return dir;
}

async function oursUpload(engine: Engine, dir: string, tag: string): Promise<{ ms: number; rssGrowthMB: number; bytes: number }> {
  global.gc?.();
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 5);
  const t0 = performance.now();
  const r = await buildImage(engine, { dir, dockerfile: path.join(dir, 'Dockerfile'), tag });
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, process.memoryUsage().rss);
  if (!r.ok) throw new Error(`our build failed: ${r.error}`);
  return { ms, rssGrowthMB: (peak - base) / 2 ** 20, bytes: r.context.bytes };
}

function dockerUpload(dir: string, tag: string): number {
  const t0 = performance.now();
  const r = spawnSync('docker', ['build', '-q', '-t', tag, dir], { env: { ...process.env, DOCKER_BUILDKIT: '0' }, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`docker build failed: ${r.stderr}`);
  return ms;
}

/** The container's own start: `docker run` until the health url first answers, then removed. */
function containerOwnStart(image: string): number {
  const t0 = performance.now();
  const run = spawnSync('docker', ['run', '-d', '--label', 'modelarts-bench=1', '-p', '127.0.0.1::8080', image], { encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`docker run failed: ${run.stderr}`);
  const id = run.stdout.trim();
  try {
    const port = spawnSync('docker', ['port', id, '8080'], { encoding: 'utf8' }).stdout.trim().split('\n')[0].split(':').pop();
    for (let i = 0; i < 600; i++) {
      const c = spawnSync('curl', ['-s', '-o', '/dev/null', '-w', '%{http_code}', `http://127.0.0.1:${port}/health`], { encoding: 'utf8' });
      if (c.stdout.trim() === '200') return performance.now() - t0;
      spawnSync('sleep', ['0.05']);
    }
    throw new Error('the container never answered /health');
  } finally {
    spawnSync('docker', ['rm', '-f', id], { encoding: 'utf8' });
  }
}

export async function engineFigures(log: (s: string) => void = () => undefined, o: { runs?: number; totalMB?: number } = {}): Promise<Figure[]> {
  const runs = o.runs ?? 3;
  const engine = await connectEngine({});
  const figs: Figure[] = [];
  log('engine: generating the model folder...');
  const dir = makeBigFolder(o.totalMB ?? 2048);
  const tags = ['modelarts-bench-upload:ours', 'modelarts-bench-upload:docker'];
  try {
    const ours: number[] = [];
    const peer: number[] = [];
    const rss: number[] = [];
    let bytes = 0;
    dockerUpload(dir, tags[1]); // warm the page cache for both sides
    for (let i = 0; i < runs; i++) {
      const a = await oursUpload(engine, dir, tags[0]);
      const b = dockerUpload(dir, tags[1]);
      ours.push(a.ms);
      rss.push(a.rssGrowthMB);
      peer.push(b);
      bytes = a.bytes;
      log(`upload run ${i + 1}: ours ${a.ms.toFixed(0)} ms (RSS +${a.rssGrowthMB.toFixed(1)} MB), docker build ${b.toFixed(0)} ms`);
    }
    const note = `${(bytes / 2 ** 30).toFixed(2)} GB context, median of ${runs} alternating runs; ` +
      'docker build with DOCKER_BUILDKIT=0 (sends the whole context, as the engine API build does)';
    figs.push(figure({
      name: 'build-context upload, 2 GB folder', ours: median(ours), peer: median(peer), peerName: 'docker build (CLI, classic builder)',
      unit: 'ms', goal: 'ratio <= 1.0', note,
    }));
    figs.push(figure({
      name: 'peak RSS growth during 2 GB upload', ours: Math.max(...rss), peer: null, peerName: '',
      unit: 'MB', goal: 'ours <= 50', note: `largest of ${runs} runs, RSS sampled every 5 ms`,
    }));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
    spawnSync('docker', ['rmi', '-f', ...tags], { encoding: 'utf8' });
  }

  // Conformance overhead: the report's own breakdown (total - build - start-to-first-answer), image built once first.
  const example = path.join(repo, 'examples', 'online');
  const tag = 'modelarts-bench-online:modelarts-dev';
  try {
    const overheads: number[] = [];
    const own: number[] = [];
    const repeats: number[] = [];
    await runConformance(example, { engine, tag });
    for (let i = 0; i < runs; i++) {
      const r = await runConformance(example, { engine, tag });
      if (!r.passed) log(`conformance run ${i + 1} did not pass: ${r.checks.filter((c) => c.status === 'fail').map((c) => c.id).join(', ')}`);
      overheads.push(r.timings.overhead);
      own.push(containerOwnStart(tag));
      // The whole repeat run (image reused, nothing uploaded) beyond what the container itself takes to serve and stop.
      repeats.push(r.timings.total - (r.timings.stop ?? 0) - own[i]);
      log(`conformance run ${i + 1}: total ${r.timings.total} ms, build ${r.timings.build} ms, serving ${r.timings.serving} ms, ` +
        `overhead ${r.timings.overhead} ms; docker run -> first /health ${own[i].toFixed(0)} ms`);
    }
    figs.push(figure({
      name: 'conformance-run overhead beyond the container start',
      ours: median(overheads),
      peer: median(own),
      peerName: 'the container\'s own start (docker run -> first /health answer)',
      unit: 'ms',
      goal: 'ours <= 1000',
      note: `report.timings.overhead = total - build - (start -> first answer), median of ${runs} runs of examples/online (cached build)`,
    }));
    figs.push(figure({
      name: 'repeat test of an unchanged folder, beyond the container start',
      ours: median(repeats), peer: null, peerName: '', unit: 'ms', goal: 'ours <= 300',
      note: `report total - stop - the container's own start (docker run -> first /health), median of ${runs} repeat runs of examples/online`,
    }));
  } finally {
    spawnSync('docker', ['rmi', '-f', tag], { encoding: 'utf8' });
  }
  return figs;
}
