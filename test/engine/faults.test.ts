// Faults: cancel mid-build and mid-probe leave nothing behind; a busy port is no problem; a 100 MB answer
// keeps memory bounded (MA411, a request over 12 MB: test/rules/MA411.test.ts). After every test no labelled
// container remains.
import { test, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runConformance, CancelledError } from '../../engine/conformance';
import { createAndStart, removeAll } from '../../engine/container';
import { buildImage } from '../../engine/build';
import { engineOrSkip, assertNoLabelled, FIXTURES, FAST } from './engine-helpers';

async function eventually(check: () => Promise<boolean>, tries = 50): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 200));
  }
  return false;
}

test('cancel mid-build: the daemon stops the build and no container is left', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-cancel-build-'));
  const marker = `cancel-marker-${process.pid}-${Date.now()}`;
  fs.writeFileSync(path.join(dir, 'Dockerfile'), `FROM busybox\nRUN echo ${marker} && sleep 60\nCMD ["true"]\n`);
  fs.writeFileSync(path.join(dir, 'config.json'), '{"model_type": "Image", "apis": []}');
  const ac = new AbortController();
  const run = runConformance(dir, { ...FAST, engine }, { signal: ac.signal, onLog: (l) => l.includes(marker) && !l.startsWith('Step') && ac.abort() });
  await assert.rejects(run, CancelledError);
  const gone = await eventually(async () => {
    const all = await engine.docker.listContainers({ all: true });
    return !all.some((c) => c.Command.includes(marker));
  });
  assert.ok(gone, 'the intermediate build container was removed');
  assert.deepEqual(await assertNoLabelled(engine), []);
});

test('cancel mid-probe: the container is removed', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const ac = new AbortController();
  const run = runConformance(path.join(FIXTURES, 'ma405-health-hang'), { ...FAST, engine, startTimeoutMs: 60_000 }, {
    signal: ac.signal,
    onProgress: (c) => c.id === 'start' && c.status === 'running' && setTimeout(() => ac.abort(), 1500),
  });
  await assert.rejects(run, CancelledError);
  assert.deepEqual(await assertNoLabelled(engine), []);
});

test('a cancelled build reports cancelled, not a failure', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const ac = new AbortController();
  ac.abort();
  const r = await buildImage(engine,
    { dir: path.join(FIXTURES, 'good'), dockerfile: path.join(FIXTURES, 'good', 'Dockerfile'), tag: 'good:modelarts-dev', signal: ac.signal });
  assert.equal(r.ok, false);
  assert.equal(r.error, 'cancelled');
});

test('a failed build step is mapped to its Dockerfile line', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-build-fail-'));
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM busybox\n# a comment\nRUN echo fine\nRUN echo broken >&2 && \\\n    exit 7\nCMD ["true"]\n');
  fs.writeFileSync(path.join(dir, 'config.json'), '{"model_type": "Image"}');
  const r = await runConformance(dir, { ...FAST, engine, tag: 'mik-build-fail:modelarts-dev' });
  assert.equal(r.passed, false);
  const b = r.checks.find((c) => c.id === 'build')!;
  assert.equal(b.status, 'fail');
  assert.deepEqual(b.location, { file: path.join(dir, 'Dockerfile'), line: 4 });
  assert.match(b.message.en, /step 3 \(line 4: RUN echo broken/);
  assert.match(b.message.en, /non-zero code: 7/);
  assert.ok(b.details?.some((d) => d.en.includes('broken')));
  assert.equal(r.checks.length, 1);
});

test('keep: the served container stays up, reported with its URL, until the caller removes it', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'good'), { ...FAST, engine, keep: true });
  assert.ok(r.kept, 'report.kept');
  try {
    assert.equal(r.passed, true);
    assert.equal(r.checks.find((c) => c.id === 'stop')?.status, 'skip');
    const res = await fetch(r.kept.url + '/health', { signal: AbortSignal.timeout(5000) });
    assert.deepEqual(await res.json(), { health: 'true' });
  } finally {
    await removeAll(engine, [r.kept.containerId]);
  }
});

test('a host port already in use: the container gets another one', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const busy = net.createServer();
  await new Promise<void>((r) => busy.listen(0, '127.0.0.1', r));
  const taken = (busy.address() as net.AddressInfo).port;
  const ids: string[] = [];
  try {
    const a = await createAndStart(engine, { image: 'busybox', cmd: ['sleep', '30'] });
    ids.push(a.id);
    const b = await createAndStart(engine, { image: 'busybox', cmd: ['sleep', '30'] });
    ids.push(b.id);
    assert.ok(a.hostPort && b.hostPort);
    assert.notEqual(a.hostPort, taken);
    assert.notEqual(b.hostPort, taken);
    assert.notEqual(a.hostPort, b.hostPort);
  } finally {
    await removeAll(engine, ids);
    busy.close();
  }
});

test('a 100 MB answer: bounded memory, truncated display', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const base = process.memoryUsage().rss;
  let peak = base;
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 10);
  const r = await runConformance(path.join(FIXTURES, 'huge-answer'), { ...FAST, engine });
  clearInterval(timer);
  const api = r.checks.find((c) => c.id === 'api POST /predict')!;
  assert.equal(api.status, 'pass', JSON.stringify(api));
  assert.match(api.message.en, /schema not checked/);
  const answer = api.details!.find((d) => d.en.startsWith('answer: '))!.en;
  assert.ok(answer.length < 3000, `display is ${answer.length} chars`);
  assert.match(answer, /truncated/);
  // Holding the answer would add 100 MB (twice, as a string); the cap keeps it to a few MB.
  assert.ok(peak - base < 60 * 1024 * 1024, `RSS grew ${((peak - base) / 1048576).toFixed(1)} MB`);
});

after(async () => {
  const engine = await engineOrSkip();
  if (engine) assert.deepEqual(await assertNoLabelled(engine), []);
});
