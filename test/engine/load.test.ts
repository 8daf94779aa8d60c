// Faults under load, on the real engine: 20 runs back to back, 3 at once, and the engine connection cut mid-build
// (a container killed while a request is in flight: test/rules/MA406.test.ts). After each, no container labelled modelarts-image-kit=1
// remains. Outside CI with no engine the tests skip; with CI set they fail (engineOrSkip throws).
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, assertNoLabelled, EXAMPLES, FAST } from './engine-helpers';

const ONLINE = path.join(EXAMPLES, 'online');

test('20 conformance runs back to back all pass and leave no container', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const failed: string[] = [];
  for (let i = 0; i < 20; i++) {
    const r = await runConformance(ONLINE, { ...FAST, engine });
    if (!r.passed) failed.push(`run ${i + 1}: ${JSON.stringify(r.checks.filter((c) => c.status === 'fail'))}`);
  }
  assert.deepEqual(failed, []);
  assert.deepEqual(await assertNoLabelled(engine), []);
});

test('3 conformance runs at once all pass, each on its own host port, and leave no container', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const reports = await Promise.all([1, 2, 3].map(() => runConformance(ONLINE, { ...FAST, engine })));
  for (const r of reports) assert.equal(r.passed, true, JSON.stringify(r.checks.filter((c) => c.status === 'fail')));
  // The start check names the host port each container was published on.
  const ports = reports.map((r) => /127\.0\.0\.1:(\d+)/.exec(r.checks.find((c) => c.id === 'start')!.message.en)?.[1]);
  assert.ok(ports.every(Boolean), JSON.stringify(ports));
  assert.equal(new Set(ports).size, 3, `host ports ${ports.join(', ')}`);
  assert.deepEqual(await assertNoLabelled(engine), []);
});

test('engine gone mid-build: the run ends with a clear error and no container is left', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const real = engine.endpoint.options.socketPath;
  assert.ok(typeof real === 'string', `the engine is on a unix socket (${engine.endpoint.url})`);
  // The one place a fault is injected: stopping the shared engine would break every other test and user of
  // this machine, so the run talks to the real engine through this proxy, and the proxy drops dead mid-build.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-load-proxy-'));
  const sock = path.join(dir, 'engine.sock');
  const open = new Set<net.Socket>();
  const proxy = net.createServer((client) => {
    const upstream = net.connect(real);
    for (const s of [client, upstream]) {
      open.add(s);
      s.on('close', () => open.delete(s)).on('error', () => undefined);
    }
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((res) => proxy.listen(sock, res));
  // A build that streams for 3 s; the marker is new each run, so the step never comes from the cache and its
  // intermediate container can be found by its command.
  const nonce = `load-build-${process.pid}-${Date.now()}`;
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-load-gone-'));
  fs.writeFileSync(path.join(folder, 'Dockerfile'), `FROM busybox:latest\nRUN echo started ${nonce} && sleep 3\nCMD ["sleep", "30"]\n`);
  fs.writeFileSync(path.join(folder, 'config.json'), '{"model_type": "Image", "apis": []}');
  let cut = false;
  const run = runConformance(folder, { ...FAST, host: 'unix://' + sock, tag: 'mik-load-gone:modelarts-dev' }, {
    onLog: (l) => {
      if (cut || !l.includes(`started ${nonce}`) || l.startsWith('Step')) return;
      cut = true;
      proxy.close();
      for (const s of open) s.destroy();
    },
  });
  const r = await run.then((x) => x, (e: Error) => e);
  assert.ok(cut, 'the build was streaming when the engine went away');
  assert.ok(!(r instanceof Error), `a report, not an exception: ${r}`);
  assert.equal(r.passed, false);
  // Only the build check: nothing after it ran against a missing engine.
  assert.deepEqual(r.checks.map((c) => [c.id, c.status]), [['build', 'fail']]);
  const msg = r.checks[0].message.en;
  assert.match(msg, /the connection to the engine at unix:\/\/.*engine\.sock was lost during step 2 \(RUN echo started load-build-/);
  assert.match(msg, /Check that the engine is running \(`docker info`\), then run the test again/);
  assert.deepEqual(r.findings, []);
  assert.deepEqual(await assertNoLabelled(engine), []);
  // The daemon drops the build when its client goes: its intermediate container does not linger either.
  let lingering = true;
  for (let i = 0; i < 50 && lingering; i++) {
    const all = await engine.docker.listContainers({ all: true });
    lingering = all.some((c) => c.Command.includes(nonce));
    if (lingering) await new Promise((res) => setTimeout(res, 200));
  }
  assert.equal(lingering, false, 'the intermediate build container was removed');
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(folder, { recursive: true, force: true });
});

after(async () => {
  const engine = await engineOrSkip();
  if (engine) assert.deepEqual(await assertNoLabelled(engine), []);
});
