// The figures of `npm run bench`: medians, goals written as text and judged from that same text (so `met` can
// never disagree with the goal shown), the readable table and bench/results.json.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

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
}

export interface Stats { n: number; min: number; median: number; p95: number; max: number }

export function stats(xs: number[]): Stats {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.max(0, Math.ceil(p * s.length) - 1))];
  return { n: s.length, min: s[0], median: q(0.5), p95: q(0.95), max: s[s.length - 1] };
}

export const median = (xs: number[]): number => stats(xs).median;

const round = (x: number): number => (Math.abs(x) >= 100 ? Math.round(x * 10) / 10 : Math.round(x * 1000) / 1000);

/** Judges a goal of the form `ratio <= X` or `ours <= X` against a figure. */
function judge(goal: string, ours: number, ratio: number | null): boolean {
  const m = /^(ratio|ours)\s*<=\s*([\d.]+)$/.exec(goal.trim());
  if (!m) throw new Error(`unreadable goal: ${goal}`);
  const value = m[1] === 'ratio' ? ratio : ours;
  return value !== null && Number.isFinite(value) && value <= Number(m[2]);
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
    previous = (JSON.parse(fs.readFileSync(file, 'utf8')) as { figures: Figure[] }).figures ?? [];
  } catch {
    // first run
  }
  const names = new Set(figs.map((f) => f.name));
  const merged = [...previous.filter((f) => !names.has(f.name)), ...figs];
  const order = new Map(previous.map((f, i) => [f.name, i]));
  merged.sort((a, b) => (order.get(a.name) ?? 1e9) - (order.get(b.name) ?? 1e9));
  fs.writeFileSync(file, JSON.stringify({ machine: machine(), date: new Date().toISOString(), figures: merged }, null, 2) + '\n');
}
