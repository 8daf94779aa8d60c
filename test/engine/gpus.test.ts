// GPUs: `--gpus` read as the docker CLI reads it, sent as the engine's device request, and the refusal of an engine
// without a GPU runtime (this machine's: no GPU, no NVIDIA runtime) told with what to install — on the real engine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { connectEngine } from '../../engine/connect';
import { parseGpus, type GpuRequest } from '../../core/deployment';
import { runConformance, EngineRefusedError } from '../../engine/conformance';
import { labelledContainers } from '../../engine/container';
import { cudaBaseOf, gpuLine } from '../../engine/steps/user';
import { engineOrSkip, EXAMPLES } from './engine-helpers';

test('--gpus: all, a count, device=IDs (quoted as people paste it); anything else is unreadable', () => {
  assert.deepEqual(parseGpus('all'), { count: 'all' });
  assert.deepEqual(parseGpus('2'), { count: 2 });
  assert.deepEqual(parseGpus('device=0,1'), { deviceIds: ['0', '1'] });
  assert.deepEqual(parseGpus('"device=GPU-3a8c"'), { deviceIds: ['GPU-3a8c'] });
  for (const bad of ['0', 'two', 'device=', 'all,1', '']) assert.equal(parseGpus(bad), undefined, bad);
});

test('a CUDA base image is known from the final stage, and runs without a GPU get a note', () => {
  assert.equal(cudaBaseOf('FROM nvidia/cuda:12.1.0-runtime-ubuntu22.04\nCMD ["python3"]'), 'nvidia/cuda:12.1.0-runtime-ubuntu22.04');
  assert.equal(cudaBaseOf('FROM nvidia/cuda:12.1.0-devel AS build\nFROM python:3.11-slim\n'), undefined, 'only the final stage counts');
  assert.equal(cudaBaseOf('FROM --platform=linux/amd64 pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime'), 'pytorch/pytorch:2.1.0-cuda12.1-cudnn8-runtime');
  assert.match(gpuLine(undefined, 'nvidia/cuda:12.1.0')?.en ?? '', /^no GPU: the image is built on nvidia\/cuda:12\.1\.0 and runs here on CPU/);
  assert.deepEqual(gpuLine('all', 'nvidia/cuda:12.1.0'), { en: 'GPUs: all', zh: '使用的 GPU：all' });
  assert.equal(gpuLine(undefined, undefined), undefined);
});

test('--gpus all on an engine without a GPU runtime: the engine refuses, the run says what to install, nothing is left', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const err = await runConformance(path.join(EXAMPLES, 'online'), { engine, deployment: { gpus: { count: 'all' } } }).then(() => undefined, (e) => e);
  assert.ok(err instanceof EngineRefusedError, String(err));
  assert.match(err.text.en, /NVIDIA Container Toolkit .*nvidia-ctk runtime configure/);
  assert.match(err.text.en, /The engine said: .*(could not select device driver|nvidia)/i, 'the request really reached the engine');
  assert.match(err.text.zh, /需要引擎所在主机提供 GPU 运行时/);
  assert.deepEqual(await labelledContainers(engine), []);
});

test('the CLI: --gpus all ends with exit 3 and the fix; a bad --gpus is a usage error', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const cli = path.resolve(__dirname, '../../cli/main.ts');
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', cli, 'test', path.join(EXAMPLES, 'online'), ...args], { encoding: 'utf8' });
  const r = run('--gpus', 'all');
  assert.equal(r.status, 3, r.stderr);
  assert.match(r.stderr, /--gpus needs a GPU runtime/);
  const zh = run('--gpus', 'all', '--lang', 'zh-cn');
  assert.match(zh.stderr, /NVIDIA Container Toolkit/);
  assert.match(zh.stderr, /请安装/);
  const bad = run('--gpus', 'lots');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /--gpus expects all, a count or device=ID/);
});

/** The engine's socket behind a relay that keeps what the kit sends: the API calls as the engine receives them. */
async function recordingSocket(): Promise<{ host: string; sent: () => string; close(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-gpus-'));
  const sock = path.join(dir, 'engine.sock');
  const chunks: Buffer[] = [];
  const server = net.createServer((c) => {
    const up = net.connect('/var/run/docker.sock');
    c.on('data', (d: Buffer) => chunks.push(d));
    c.pipe(up).on('error', () => undefined);
    up.pipe(c).on('error', () => undefined);
    c.on('error', () => up.destroy());
  });
  await new Promise<void>((r) => server.listen(sock, () => r()));
  return { host: `unix://${sock}`, sent: () => Buffer.concat(chunks).toString('latin1'), close: () => (server.close(), fs.rmSync(dir, { recursive: true, force: true })) };
}

test('--gpus N and device=IDs reach the engine as the device requests docker run --gpus sends (the create call, read on the socket)', async (t) => {
  if (!(await engineOrSkip())) return t.skip('no engine');
  const rec = await recordingSocket();
  const engine = await connectEngine({ host: rec.host });
  try {
    const cases: [GpuRequest, string][] = [
      [{ count: 2 }, '"DeviceRequests":[{"Driver":"","Count":2,"Capabilities":[["gpu"]]}]'],
      [{ deviceIds: ['0', 'GPU-3a8c'] }, '"DeviceRequests":[{"Driver":"","Count":0,"DeviceIDs":["0","GPU-3a8c"],"Capabilities":[["gpu"]]}]'],
    ];
    for (const [gpus, sent] of cases) {
      const err = await runConformance(path.join(EXAMPLES, 'online'), { engine, deployment: { gpus } }).then(() => undefined, (e) => e);
      assert.ok(err instanceof EngineRefusedError, String(err));
      assert.ok(rec.sent().includes(sent), `${sent} not in the create call`);
    }
    assert.deepEqual(await labelledContainers(engine), []);
  } finally {
    engine.close();
    rec.close();
  }
});
