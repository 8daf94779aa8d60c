// `modelarts-image test --port`: a port outside 1–65535 is a usage error (exit 2) before any engine is reached; under
// seed-2021 a note says the port stays 8080. Runs the built dist/cli.js; no engine is needed (--host points nowhere).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const folder = path.join(repoRoot, 'test/fixtures/images/port-9000');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, [cli, 'test', folder, '--host', 'unix:///no/such/engine.sock', ...args],
    { encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: 30_000 });
  return { code: r.status, err: r.stderr };
};

test('--port outside 1-65535 or not a whole number: exit 2 with the reason', () => {
  for (const p of ['0', '65536', '-1', '80.5', 'http', '']) {
    const r = run([`--port=${p}`]);
    assert.equal(r.code, 2, `--port ${p} → ${r.code}: ${r.err}`);
    assert.match(r.err, new RegExp(`--port expects a port from 1 to 65535, not "${p.replace('.', '\\.')}"`));
  }
});

test('--port under seed-2021: a note says the port stays 8080; under current no note', () => {
  const seed = run(['--port', '9000']);
  assert.equal(seed.code, 3, seed.err);
  assert.match(seed.err, /note: --port 9000 is not used under seed-2021: the 2021 platform always serves on 8080/);
  const current = run(['--port', '9000', '--profile', 'current']);
  assert.equal(current.code, 3, current.err);
  assert.doesNotMatch(current.err, /note: --port/);
});
