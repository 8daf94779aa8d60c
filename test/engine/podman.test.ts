// Podman's Docker-compatible API, for real: a rootless `podman system service` beside dockerd (scripts/podman-up.sh),
// the whole conformance run of the online example and a failing fixture on it, nothing left behind.
import { test, before } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { connectEngine, type Engine } from '../../engine/connect';
import { runConformance } from '../../engine/conformance';
import { labelledContainers } from '../../engine/container';
import { EXAMPLES, FIXTURES, codesOf } from './engine-helpers';

let podman: Engine | undefined;
let why = '';

before(async () => {
  const r = spawnSync('bash', [path.resolve(__dirname, '../../scripts/podman-up.sh'), 'socket'], { encoding: 'utf8' });
  const socket = r.status === 0 ? r.stdout.trim() : '';
  if (!socket) {
    why = 'no Podman service answers (run scripts/podman-up.sh)';
    if (process.env.CI) throw new Error(why);
    return;
  }
  podman = await connectEngine({ host: `unix://${socket}` });
});

test('the Podman service is found as an engine, and known as rootless', (t) => {
  if (!podman) return t.skip(why);
  assert.match(podman.version, /^\d+\.\d+/);
  assert.equal(podman.podmanRootless, true);
});

test('examples/online passes every check on rootless Podman: build, run, probe, requests, stop', async (t) => {
  if (!podman) return t.skip(why);
  const r = await runConformance(path.join(EXAMPLES, 'online'), { engine: podman, stopTimeoutS: 15, removeImage: true });
  const failed = r.checks.filter((c) => c.status === 'fail');
  assert.deepEqual(failed, [], JSON.stringify(failed, null, 1));
  assert.equal(r.passed, true);
  assert.equal(r.checks.filter((c) => c.id.startsWith('api ') && c.status === 'pass').length, 2);
  assert.equal(r.checks.find((c) => c.id === 'stop')?.status, 'pass');
});

test('a server on the wrong port fails on Podman as on Docker: MA404 naming the port it listens on', async (t) => {
  if (!podman) return t.skip(why);
  const r = await runConformance(path.join(FIXTURES, 'ma404-port-5001'), { engine: podman, stopTimeoutS: 5, removeImage: true });
  assert.equal(r.passed, false);
  assert.deepEqual(codesOf(r), ['MA404']);
  assert.match(r.checks.find((c) => c.id === 'start')!.message.en, /5001/);
  assert.deepEqual(await labelledContainers(podman), [], 'no container left in Podman');
});
