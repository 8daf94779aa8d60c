// The bundled examples pass every check, as a user would run them (the CLI, default limits except a shorter
// SIGTERM grace: a server that handles SIGTERM stops in well under a second).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, assertNoLabelled, EXAMPLES } from './engine-helpers';

for (const name of ['online', 'batch']) {
  test(`examples/${name} passes every check`, async (t) => {
    const engine = await engineOrSkip();
    if (!engine) return t.skip('no engine');
    const r = await runConformance(path.join(EXAMPLES, name), { engine, stopTimeoutS: 15 });
    const failed = r.checks.filter((c) => c.status === 'fail');
    assert.deepEqual(failed, [], JSON.stringify(failed, null, 1));
    assert.equal(r.passed, true);
    assert.deepEqual(r.findings, []);
    assert.equal(r.serviceKind, name === 'batch' ? 'batch' : 'online');
    const expected = ['build', 'size', 'platform', 'batch', 'start', 'health', 'logs', 'stop'];
    for (const id of expected) assert.ok(r.checks.some((c) => c.id === id), id);
    assert.equal(r.checks.find((c) => c.id === 'batch')!.status, name === 'batch' ? 'pass' : 'skip');
    // Every api of config.json was called.
    assert.equal(r.checks.filter((c) => c.id.startsWith('api ')).length, name === 'online' ? 2 : 1);
  });
}

test('the CLI: `test examples/online --format json` prints one object and exits 0', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const cli = path.resolve(__dirname, '../../cli/main.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'test', path.join(EXAMPLES, 'online'), '--format', 'json', '--stop-timeout', '15'],
    { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  const out = JSON.parse(r.stdout);
  assert.equal(out.passed, true);
  assert.ok(Array.isArray(out.checks) && out.checks.length >= 9);
  assert.ok(Array.isArray(out.findings));
  for (const f of out.findings) assert.deepEqual(Object.keys(f).sort(), ['code', 'column', 'endColumn', 'endLine', 'file', 'line', 'message', 'severity']);
});

test('the CLI: a failing fixture exits 1 and its JUnit report has the failure', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const cli = path.resolve(__dirname, '../../cli/main.ts');
  const dir = path.resolve(__dirname, '../fixtures/images/ma407-schema');
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'test', dir, '--format', 'junit', '--stop-timeout', '15'], { encoding: 'utf8' });
  assert.equal(r.status, 1, r.stderr);
  assert.match(r.stdout, /<testsuites tests="\d+" failures="1"/);
  assert.match(r.stdout, /<failure type="MA407"/);
  const text = spawnSync(process.execPath, ['--import', 'tsx', cli, 'test', dir, '--stop-timeout', '15'], { encoding: 'utf8' });
  assert.match(text.stdout, /✘ api POST \/predict .* MA407 the answer does not match response.data: \/result must be integer/);
  assert.match(text.stdout, /✔ Health \/health/);
  assert.match(text.stdout, /FAILED: \d+ passed, 1 failed/);
});

test('the CLI: Ctrl-C while waiting for the container cancels, cleans up and exits 130', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const cli = path.resolve(__dirname, '../../cli/main.ts');
  const dir = path.resolve(__dirname, '../fixtures/images/ma405-health-hang');
  const child = spawn(process.execPath, ['--import', 'tsx', cli, 'test', dir, '--timeout', '120', '--verbose'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr.on('data', (d: Buffer) => {
    err += d.toString();
    // The server is up (it logged), the probe is waiting on /health: interrupt now.
    if (/fixture server listening/.test(err) && !child.killed) child.kill('SIGINT');
  });
  const code = await new Promise<number | null>((res) => child.on('exit', (c) => res(c)));
  assert.equal(code, 130, err);
  assert.match(err, /Cancelled; nothing left running/);
  assert.deepEqual(await assertNoLabelled(engine), []);
});

test('the CLI: no engine → exit 3 with what was tried', () => {
  const cli = path.resolve(__dirname, '../../cli/main.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'test', path.join(EXAMPLES, 'online')], { encoding: 'utf8', env: { ...process.env, DOCKER_HOST: 'unix:///nonexistent/docker.sock' } });
  assert.equal(r.status, 3);
  assert.match(r.stderr, /No container engine answers\. Tried:\n {2}- unix:\/\/\/nonexistent\/docker\.sock \(DOCKER_HOST\): no such socket/);
  assert.match(r.stderr, /npm run engine:up/);
});

after(async () => {
  const engine = await engineOrSkip();
  if (engine) assert.deepEqual(await assertNoLabelled(engine), []);
});
