// Seed model folders for the fuzzer: the examples, the test corpus and fixture projects, and every fixture
// config.json paired with the online example's Dockerfile. Files are relative path -> text.
import * as fs from 'node:fs';
import * as path from 'node:path';

export type SeedFolder = { name: string; files: Record<string, string> };

const repo = path.resolve(__dirname, '..', '..');
const MAX_FILE = 256 * 1024;

function readFolder(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, readFolder(dir, r));
    else if (e.isFile() && fs.statSync(path.join(dir, r)).size <= MAX_FILE && e.name !== 'expect.json') out[r] = fs.readFileSync(path.join(dir, r), 'utf8');
  }
  return out;
}

const subdirs = (dir: string): string[] =>
  fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => path.join(dir, e.name)) : [];

export function loadSeeds(): SeedFolder[] {
  const seeds: SeedFolder[] = [];
  const folders = [
    ...subdirs(path.join(repo, 'examples')),
    ...subdirs(path.join(repo, 'test', 'corpus')),
    ...subdirs(path.join(repo, 'test', 'fixtures', 'projects')),
  ];
  for (const d of folders) {
    const files = readFolder(d);
    if (files['Dockerfile'] !== undefined || files['config.json'] !== undefined) seeds.push({ name: path.relative(repo, d), files });
  }
  const online = readFolder(path.join(repo, 'examples', 'online'));
  for (const sub of ['official', 'cases']) {
    const dir = path.join(repo, 'test', 'fixtures', 'config', sub);
    if (!fs.existsSync(dir)) continue;
    for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json') && !f.endsWith('.expect.json'))) {
      seeds.push({ name: `test/fixtures/config/${sub}/${f}`, files: { ...online, 'config.json': fs.readFileSync(path.join(dir, f), 'utf8') } });
    }
  }
  if (!seeds.length) throw new Error('no fuzz seeds found');
  return seeds;
}
