// `npm start` on a machine that is ready (the engine answers and holds the examples' base image): the three steps
// in order, the conformance test of examples/online passing, "this machine is ready", exit 0, and no set-up run.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';
import { engineOrSkip } from './engine-helpers';

const home = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-start-ready-'));
after(() => fs.rmSync(home, { recursive: true, force: true }));

function npmStart(): Promise<{ code: number | null; out: string; err: string }> {
  const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [, ...args] = pkg.scripts.start.split(' ');
  // The engine as the CLI finds it by default; HOME and the caches (the tested record) in a folder of this test's own.
  const env = { ...process.env, HOME: home, XDG_CACHE_HOME: path.join(home, '.cache'), LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
  return new Promise((resolve) => {
    const p = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    p.stdout.on('data', (d: Buffer) => (out += d));
    p.stderr.on('data', (d: Buffer) => (err += d));
    p.on('close', (code) => resolve({ code, out, err }));
  });
}

test('npm start on a ready machine: static check, the engine found, examples/online passes, "this machine is ready", exit 0', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await npmStart();
  const all = r.out + r.err;
  assert.equal(r.code, 0, all);
  const at = (s: string) => r.out.indexOf(s);
  // In order: the static summary, the engine it found, the test's verdict, the next steps.
  const steps = ['2 model folders checked: 0 errors', '2/3 Container engine', 'Engine: ', '3/3 Build, run and test examples/online', 'PASSED', '== Next ==',
    'examples/online passed every check: this machine is ready.'];
  for (const s of steps) assert.ok(all.includes(s), `lacks ${s}:\n${all}`);
  const stdoutSteps = steps.filter((s) => at(s) >= 0);
  assert.deepEqual([...stdoutSteps].sort((a, b) => at(a) - at(b)), stdoutSteps, `out of order:\n${r.out}`);
  assert.doesNotMatch(all, /\[engine-up\]|Setting up a Docker engine|No container engine answers/, 'nothing was set up');
});
