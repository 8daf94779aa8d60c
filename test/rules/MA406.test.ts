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

test('MA406 slow: an answer after the gateway limit fails with the figure; the run waits for it up to the give-up time', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  // The fixture answers after 3 s; the gateway's 40 s lowered to 1.5 s, the give-up (60 s) to 10 s.
  const r = await runConformance(path.join(FIXTURES, 'ma406-slow'), { ...FAST, engine, requestLimitMs: 1500, requestTimeoutMs: 10_000 });
  const api = r.checks.find((c) => c.id === 'api POST /predict')!;
  assert.equal(api.code, 'MA406');
  assert.match(api.message.en, /^POST \/predict answered in 3\.\d s; the API gateway ends a request at 1\.5 s: ModelArts\.4503$/);
  const f = r.findings.find((x) => x.code === 'MA406')!;
  assert.match(f.message.zh, /在 3\.\d 秒后才响应；API 网关在 1\.5 秒时结束请求：ModelArts\.4503/);
  assert.ok(r.timings['api POST /predict'] < 9000, 'did not wait out the give-up time');
});

test('MA406 no answer: the give-up time and the gateway limit, both named', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma406-slow'), { ...FAST, engine, requestLimitMs: 500, requestTimeoutMs: 1000 });
  assert.match(r.checks.find((c) => c.id === 'api POST /predict')!.message.en,
    /^POST \/predict: no answer within 1 s \(the synchronous limit\); the API gateway ends a request at 0\.5 s: ModelArts\.4503$/);
});

test('a /root cache under current: HTTP 500 with the permission cause; seed-2021 (root) answers', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const dir = path.join(FIXTURES, 'ma406-root-cache');
  const cur = await runConformance(dir, { ...FAST, engine, profile: 'current', keepAliveIdleMs: 100 });
  const f = cur.findings.find((x) => x.code === 'MA406')!;
  assert.match(f.message.en, /^POST \/predict answered HTTP 500\. Likely cause: it runs as 1000:100 \(ma-user, as ModelArts runs it\): a file only root/);
  assert.match(f.message.zh, /返回 HTTP 500。可能的原因：容器的运行用户是 1000:100（ma-user/);
  const seed = await runConformance(dir, { ...FAST, engine });
  assert.equal(seed.passed, true, JSON.stringify(seed.checks, null, 1));
});

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
  assert.match(api.message.en, /POST \/predict: connection reset .*the container stopped during the request: exit code 137/);
  assert.deepEqual(r.findings.map((f) => f.code), ['MA406']);
  assert.match(r.findings[0].message.en, /the container stopped during the request/);
  assert.equal(r.checks.find((c) => c.id === 'stop')?.status, 'skip');
  assert.deepEqual(await assertNoLabelled(engine), []);
});

docExamples('MA406');

noContainersAfter();
