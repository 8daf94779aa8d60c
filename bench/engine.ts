// Engine measurements (a script, not a test): `npx tsx bench/engine.ts [--gb 2] [--runs 3]`
//  1. Build-context upload of a generated folder (default 2 GB of incompressible files): the kit's streamed
//     context (time until the daemon read the whole tar, RSS growth of this process) against `docker build`
//     (classic builder, DOCKER_BUILDKIT=0) on the same engine (wall time, peak RSS of the docker CLI).
//  2. Conformance overhead on examples/online: report total vs the container's own start (first answer).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { spawn, spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';
import { connectEngine } from '../engine/connect';
import { buildImage } from '../engine/build';
import { runConformance } from '../engine/conformance';

const { values } = parseArgs({
  options: { gb: { type: 'string', default: '2' }, runs: { type: 'string', default: '3' }, keep: { type: 'boolean', default: false } },
});
const GB = Number(values.gb);
const RUNS = Number(values.runs);
const mb = (n: number) => `${(n / 1048576).toFixed(1)} MB`;
const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function makeFolder(): string {
  const dir = path.join(os.tmpdir(), `mik-bench-${GB}g`);
  const fileSize = 64 * 1024 * 1024;
  const count = Math.ceil((GB * 1024 ** 3) / fileSize);
  fs.mkdirSync(path.join(dir, 'model'), { recursive: true });
  // The daemon must read the whole context; a tiny build step keeps the image small.
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox\nRUN true\n');
  const chunk = crypto.randomBytes(1024 * 1024);
  for (let i = 0; i < count; i++) {
    const f = path.join(dir, 'model', `part-${i}.bin`);
    if (fs.existsSync(f) && fs.statSync(f).size === fileSize) continue;
    const fd = fs.openSync(f, 'w');
    for (let k = 0; k < fileSize / chunk.length; k++) fs.writeSync(fd, chunk);
    fs.closeSync(fd);
  }
  // Written pages still being flushed would slow whichever build runs first.
  spawnSync('sync');
  return dir;
}

/** Runs a command and samples its RSS from /proc every 20 ms (peak). */
function timed(cmd: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ ms: number; peakRss: number; code: number | null }> {
  return new Promise((resolve) => {
    const t0 = Date.now();
    const p = spawn(cmd, args, { env, stdio: ['ignore', 'ignore', 'inherit'] });
    let peak = 0;
    const timer = setInterval(() => {
      try {
        const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${p.pid}/status`, 'utf8'));
        if (m) peak = Math.max(peak, Number(m[1]) * 1024);
      } catch {
        /* exited */
      }
    }, 20);
    p.on('exit', (code) => {
      clearInterval(timer);
      resolve({ ms: Date.now() - t0, peakRss: peak, code });
    });
  });
}

async function main() {
  const engine = await connectEngine();
  console.log(`engine: ${engine.endpoint.url} Docker ${engine.version} (API ${engine.apiVersion}); ${os.cpus().length} CPUs, Node ${process.version}`);
  const dir = makeFolder();
  console.log(`\n1. build context: ${dir} (${GB} GB in 64 MB files)`);
  for (let i = 0; i < RUNS; i++) {
    // Alternate who goes first: the second reader of a folder finds it in the page cache.
    const cliFirst = i % 2 === 1;
    const cliRun = () => timed('docker', ['build', '-q', '-t', 'mik-bench-cli:latest', dir], { ...process.env, DOCKER_BUILDKIT: '0' });
    const cliEarly = cliFirst ? await cliRun() : undefined;
    const base = process.memoryUsage().rss;
    let peak = base;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    const r = await buildImage(engine, { dir, dockerfile: path.join(dir, 'Dockerfile'), tag: 'mik-bench:latest' });
    clearInterval(timer);
    const cli = cliEarly ?? (await cliRun());
    console.log(`   run ${i + 1}${cliFirst ? ' (docker first)' : ''}: kit upload ${s(r.uploadMs ?? NaN)}, build ${s(r.durationMs)}, ` +
      `RSS growth ${mb(peak - base)} (ok=${r.ok})` +
      ` | docker build ${s(cli.ms)}, CLI peak RSS ${mb(cli.peakRss)} (exit ${cli.code})`);
  }
  await engine.docker.getImage('mik-bench:latest').remove().catch(() => undefined);
  await engine.docker.getImage('mik-bench-cli:latest').remove().catch(() => undefined);
  if (!values.keep) fs.rmSync(dir, { recursive: true, force: true });

  console.log('\n2. conformance overhead on examples/online (image cached after the first run)');
  for (let i = 0; i < RUNS; i++) {
    const r = await runConformance(path.resolve(__dirname, '../examples/online'), { engine, stopTimeoutS: 15 });
    const t = r.timings;
    const apis = Object.entries(t).filter(([k]) => k.startsWith('api ')).reduce((n, [, v]) => n + v, 0);
    console.log(`   run ${i + 1}: passed=${r.passed} total ${s(t.total)}; build ${s(t.build)}, create+start ${s(t.start)}, ` +
      `start→first answer ${s(t.serving)}, ` +
      `apis ${s(apis)}, stop ${s(t.stop ?? 0)}, cleanup ${s(t.cleanup)}; ` +
      `the kit's own time (total − build − start→answer − stop): ${s(t.overhead)}`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
