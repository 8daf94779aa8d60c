// The figures of `npm run bench`: medians, goals written as text and judged from that same text (so `met` can
// never disagree with the goal shown), the readable table and bench/results.json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';

export interface Figure {
  name: string;
  ours: number;
  peer: number | null;
  peerName: string;
  unit: string;
  /** ours / peer; null when there is no peer figure. */
  ratio: number | null;
  /** "ratio <= 1.0" or "ours <= 250" (in `unit`). */
  goal: string;
  met: boolean;
  /** Optional context: sizes, iterations, what was measured. */
  note?: string;
  /** When, where and on which code revision this figure was measured (a partial run keeps the others' stamps). */
  measured: Stamp;
}

interface Stamp { date: string; machine: string; revision: string }

export interface Stats { n: number; min: number; median: number; p95: number; max: number }

export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, min: s[0], median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

export const median = (xs: number[]): number => stats(xs).median;

const round = (x: number): number => (Math.abs(x) >= 100 ? Math.round(x * 10) / 10 : Math.round(x * 1000) / 1000);

/** Judges a goal of the form `ratio <= X`, `ours <= X`, or both joined by `and`, against a figure. */
function judge(goal: string, ours: number, ratio: number | null): boolean {
  return goal.split(/\s+and\s+/).every((part) => {
    const m = /^(ratio|ours)\s*<=\s*([\d.]+)$/.exec(part.trim());
    if (!m) throw new Error(`unreadable goal: ${goal}`);
    const value = m[1] === 'ratio' ? ratio : ours;
    return value !== null && Number.isFinite(value) && value <= Number(m[2]);
  });
}

/** The code the figures come from: the commit, with `+dirty` when the work tree differs (results.json aside). */
function revision(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short=12', 'HEAD'], { cwd: __dirname, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain', '--', '.', ':!bench/results.json'], { cwd: path.join(__dirname, '..'), encoding: 'utf8' })
      .trim();
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

let stampOfRun: Stamp | undefined;
/** One stamp per run: every figure measured in it carries the same date, machine and revision. */
const stamp = (): Stamp => (stampOfRun ??= { date: new Date().toISOString(), machine: machine(), revision: revision() });

/** The version of an installed package, read from its package.json (peer names are never written by hand). */
export function installedVersion(pkg: string): string {
  const file = path.join(__dirname, '..', 'node_modules', pkg, 'package.json');
  return (JSON.parse(fs.readFileSync(file, 'utf8')) as { version: string }).version;
}

export function figure(f: { name: string; ours: number; peer: number | null; peerName: string; unit: string; goal: string; note?: string }): Figure {
  const ratio = f.peer !== null && f.peer > 0 && Number.isFinite(f.ours) ? round(f.ours / f.peer) : null;
  const out: Figure = {
    name: f.name,
    ours: round(f.ours),
    peer: f.peer === null ? null : round(f.peer),
    peerName: f.peerName,
    unit: f.unit,
    ratio,
    goal: f.goal,
    met: judge(f.goal, f.ours, ratio),
    measured: stamp(),
  };
  if (f.note) out.note = f.note;
  return out;
}

function machine(): string {
  const cpus = os.cpus();
  const cpu = `${cpus[0]?.model.trim() ?? 'unknown cpu'} x${cpus.length}`;
  return `${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB RAM, ${os.type()} ${os.release()}, node ${process.version}`;
}

export function table(figs: Figure[]): string {
  const rows = [['figure', 'ours', 'peer', 'peer name', 'ratio', 'goal', 'met']];
  for (const f of figs) {
    const peer = f.peer === null ? '-' : `${f.peer} ${f.unit}`;
    rows.push([f.name, `${f.ours} ${f.unit}`, peer, f.peerName || '-', f.ratio === null ? '-' : String(f.ratio), f.goal, f.met ? 'yes' : 'NO']);
  }
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

export const resultsPath = path.join(__dirname, 'results.json');

/** Writes results.json; figures of sections not run this time are kept from the previous file. */
export function writeResults(figs: Figure[], file = resultsPath): void {
  let previous: Figure[] = [];
  try {
    const old = JSON.parse(fs.readFileSync(file, 'utf8')) as { figures: Figure[]; date?: string; machine?: string };
    // Files written before figures had their own stamp: the file's date and machine were theirs.
    const legacy: Stamp = { date: old.date ?? 'unknown', machine: old.machine ?? 'unknown', revision: 'unknown' };
    previous = (old.figures ?? []).map((f) => ({ ...f, measured: f.measured ?? legacy }));
  } catch {
    // first run
  }
  const names = new Set(figs.map((f) => f.name));
  const merged = [...previous.filter((f) => !names.has(f.name)), ...figs];
  const order = new Map(previous.map((f, i) => [f.name, i]));
  merged.sort((a, b) => (order.get(a.name) ?? 1e9) - (order.get(b.name) ?? 1e9));
  // The file's own date is when it was written; each figure says when it was measured.
  fs.writeFileSync(file, JSON.stringify({ written: new Date().toISOString(), figures: merged }, null, 2) + '\n');
}
