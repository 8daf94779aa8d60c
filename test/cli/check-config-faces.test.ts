// `modelarts-image check` on config.json files found in the wild: a bare apis list beside a Dockerfile, a GBK
// file, a file nested 100,000 levels deep, a lower-case dockerfile. The built dist/cli.js in a child process.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { tempFolder, removeFolder, repoRoot } from '../helpers/tmp';

const cli = path.join(repoRoot, 'dist', 'cli.js');
interface Flat { file: string; code: string; severity: string; message: string; line: number }
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, ...args, '--format', 'json'], { encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, findings: (r.stdout ? JSON.parse(r.stdout).findings : []) as Flat[], err: r.stderr };
};
const dirs: string[] = [];
const folder = (files: Record<string, string | Buffer>) => {
  const d = tempFolder(files);
  dirs.push(d);
  return d;
};
after(() => dirs.forEach(removeFolder));

const DOCKERFILE = 'FROM python:3.9\nCOPY . /app\nCMD ["python", "/app/serve.py"]\n';
const API = { url: '/', method: 'post', request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' } };
const GOOD = JSON.stringify({ model_algorithm: 'a', model_type: 'Image', apis: [API], health: { url: '/health' } }, null, 2);

test('a bare apis list beside a Dockerfile: MA102 on config.json, the Dockerfile still checked, exit 1', () => {
  const d = folder({ 'config.json': JSON.stringify([API], null, 2), Dockerfile: DOCKERFILE, 'serve.py': 'print(1)\n' });
  const r = run(['check', d]);
  assert.equal(r.code, 1, r.err);
  const cfg = r.findings.filter((f) => f.file === path.join(d, 'config.json'));
  assert.deepEqual(cfg.map((f) => `${f.code}:${f.severity}`), ['MA102:error']);
  assert.match(cfg[0].message, /bare list of apis/);
  assert.ok(r.findings.some((f) => f.file === path.join(d, 'Dockerfile')), 'the Dockerfile is checked');
  assert.doesNotMatch(r.err, /No ModelArts model folder/);
});

test('a string config.json beside a Dockerfile: exit 1, MA102 says it holds a string', () => {
  const d = folder({ 'config.json': '"model"\n', Dockerfile: DOCKERFILE });
  const r = run(['check', d]);
  assert.equal(r.code, 1);
  assert.match(r.findings.find((f) => f.code === 'MA102')!.message, /holds a JSON string/);
});

test('a GBK config.json: one MA100 "not UTF-8" and no other config finding', () => {
  const gbk = Buffer.concat([Buffer.from('{\n  "model_algorithm": "'), Buffer.from([0xcd, 0xbc, 0xcf, 0xf1, 0xb7, 0xd6, 0xc0, 0xe0]),
    Buffer.from('",\n  "model_type": "Image"\n}\n')]);
  const d = folder({ 'config.json': gbk, Dockerfile: DOCKERFILE });
  const r = run(['check', d]);
  assert.equal(r.code, 1);
  const cfg = r.findings.filter((f) => f.file.endsWith('config.json'));
  assert.deepEqual(cfg.map((f) => f.code), ['MA100']);
  assert.match(cfg[0].message, /not UTF-8/);
  assert.equal(cfg[0].line, 2);
});

test('nested 100,000 levels deep: MA100 "nested too deep", exit 1, no crash', () => {
  const deep = '{"model_type": "Image", "x": ' + '['.repeat(100000) + ']'.repeat(100000) + '}';
  const d = folder({ 'config.json': deep });
  const r = run(['check', d]);
  assert.equal(r.code, 1, r.err);
  assert.doesNotMatch(r.err, /RangeError|unexpected error/);
  assert.deepEqual(r.findings.map((f) => f.code), ['MA100']);
  assert.match(r.findings[0].message, /nested more than/);
});

test('a lower-case dockerfile: the config is not told "no Dockerfile" (MA304), and check path/to/dockerfile checks it', () => {
  const d = folder({ 'config.json': GOOD, dockerfile: DOCKERFILE, 'serve.py': 'print(1)\n' });
  const all = run(['check', d]);
  assert.ok(!all.findings.some((f) => f.code === 'MA304'), JSON.stringify(all.findings));
  assert.ok(all.findings.some((f) => f.file === path.join(d, 'dockerfile')), 'the dockerfile is checked');
  const one = run(['check', path.join(d, 'dockerfile')]);
  assert.ok(one.findings.length > 0 && one.findings.every((f) => f.file === path.join(d, 'dockerfile') || f.file === path.join(d, 'config.json')));
  assert.ok(one.findings.some((f) => f.file === path.join(d, 'dockerfile')));
  assert.doesNotMatch(one.err, /No ModelArts model folder/);
});
