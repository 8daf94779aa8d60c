// MA406: An api answers an error or is too slow — on the real engine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, assertNoLabelled, FIXTURES, FAST } from '../engine/engine-helpers';
import { docExamples, fixtureCases, noContainersAfter } from '../helpers/imageRule';

fixtureCases('MA406', [
  { dir: 'ma406-not-found', check: 'api POST /predict' },
  { dir: 'ma406-slow', opts: { requestTimeoutMs: 1000 }, check: 'api POST /predict' },
  { dir: 'ma406-error', check: 'api POST /predict' },
]);

test('MA406: an api answering 404 fails with the status', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma406-not-found'), { ...FAST, engine });
  const f = r.findings.find((x) => x.code === 'MA406')!;
  assert.match(f.message.en, /POST \/predict answered HTTP 404: the server has no route for POST \/predict/);
});

test('container killed mid-request: a failed api check that says the container stopped, and no container left', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const tag = 'mik-load-kill:modelarts-dev';
  let killed: Promise<unknown> | undefined;
  // The fixture's api answers after 3 s; the container is killed (SIGKILL through the engine) while it waits.
  const r = await runConformance(path.join(FIXTURES, 'ma406-slow'), { ...FAST, engine, tag }, {
    onProgress: (c) => {
      if (!c.id.startsWith('api') || c.status !== 'running') return;
      killed = new Promise((res) => setTimeout(res, 800)).then(async () => {
        const [mine] = await engine.docker.listContainers({ filters: { label: ['modelarts-image-kit=1'], ancestor: [tag] } });
        assert.ok(mine, 'the running container was found');
        await engine.docker.getContainer(mine.Id).kill();
      });
    },
  });
  assert.ok(killed, 'the api step started');
  await killed;
  assert.equal(r.passed, false);
  const api = r.checks.find((c) => c.id === 'api POST /predict')!;
  assert.equal(api.status, 'fail', JSON.stringify(api));
  // The engine reports the cut answer as MA406; the message names the cause and the exit code (137 = SIGKILL).
  assert.equal(api.code, 'MA406');
  assert.match(api.message, /POST \/predict: connection reset .*the container stopped during the request: exit code 137/);
  assert.deepEqual(r.findings.map((f) => f.code), ['MA406']);
  assert.match(r.findings[0].message.en, /the container stopped during the request/);
  assert.equal(r.checks.find((c) => c.id === 'stop')?.status, 'skip');
  assert.deepEqual(await assertNoLabelled(engine), []);
});

docExamples('MA406');

noContainersAfter();
