// `modelarts-image test --port`: a port outside 1–65535 is a usage error (exit 2) before any engine is reached; under
// seed-2021 a note says the port stays 8080; under current the static port rules follow it. Runs the built dist/cli.js;
// no engine is needed (--host points nowhere).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';

const cli = path.join(repoRoot, 'dist', 'cli.js');
const folder = path.join(repoRoot, 'test/fixtures/images/port-9000');
const run = (args: string[], dir = folder) => {
  const r = spawnSync(process.execPath, [cli, 'test', dir, '--host', 'unix:///no/such/engine.sock', ...args],
    { encoding: 'utf8', env: { ...process.env, LANG: 'C' }, timeout: 30_000 });
  return { code: r.status, err: r.stderr, out: r.stdout };
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

test('--port under current: the static port rules of the report follow it, as the run does', () => {
  // The fixture without its deployment file: only the flag says 9000.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-port-'));
  fs.cpSync(folder, dir, { recursive: true });
  fs.rmSync(path.join(dir, 'modelarts-deploy.json'));
  const codes = (args: string[]) => {
    const r = run(['--profile', 'current', '--format', 'json', ...args], dir);
    assert.equal(r.code, 3, r.err);
    return (JSON.parse(r.out).findings as { code: string; message: string }[]).filter((f) => /^MA20[123]$/.test(f.code));
  };
  try {
    // EXPOSE 9000 and a server on $PORT=9000: against 8080 without the flag, clean with it.
    assert.deepEqual(codes([]).map((f) => f.code), ['MA201']);
    assert.deepEqual(codes(['--port', '9000']), []);
    fs.writeFileSync(path.join(dir, 'Dockerfile'), fs.readFileSync(path.join(dir, 'Dockerfile'), 'utf8').replace('EXPOSE 9000', 'EXPOSE 8080'));
    const [f] = codes(['--port', '9000']);
    assert.equal(f.code, 'MA201');
    assert.match(f.message, /^EXPOSE 8080 but not 9000: ModelArts sends requests to port 9000 \(port 9000 is set for this run\)\./);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
