// The pure parts of the client: where CodeLenses go, and how a conformance report becomes Test Explorer results.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lensTargets } from '../../client/src/views/lensTargets';
import { checkResults } from '../../client/src/views/reportModel';
import { plannedChecks } from '../../engine/steps';
import type { Report } from '../../engine/report';
import { folderDeployment } from '../../engine/deployFile';
import { DEPLOY_FILE } from '../../core/deployment';
import { removeFolder, tempFolder } from '../helpers/tmp';

const root = path.resolve(__dirname, '../..');

test('a lens over each apis entry and over health, at their offsets', () => {
  const text = fs.readFileSync(path.join(root, 'examples/online/config.json'), 'utf8');
  const l = lensTargets(text);
  assert.deepEqual(l.map((x) => (x.kind === 'api' ? `${x.kind} ${x.index} ${x.method} ${x.url}` : `${x.kind} ${x.url}`)),
    ['api 0 POST /', 'api 1 POST /greet', 'health /health']);
  const health = l.find((x) => x.kind === 'health')!;
  assert.equal(text.slice(health.offset, health.offset + 8), '"health"');
  const api1 = l.find((x) => x.kind === 'api' && x.index === 1)!;
  assert.equal(text[api1.offset], '{');
});

test('lenses survive a half-typed config and ignore non-objects', () => {
  assert.deepEqual(lensTargets('{"apis": [ {"url": "/x", "method": "get"}, 3, '),
    [{ kind: 'api', index: 0, method: 'GET', url: '/x', offset: 11, length: 30 }]);
  assert.deepEqual(lensTargets('[]'), []);
  assert.deepEqual(lensTargets(''), []);
});

/** The checks the test tree shows before a run: the engine's plan for a config with these apis (batch: by its CMD). */
const expectedChecks = (apis: { method: string; url: string }[], batch: boolean) =>
  plannedChecks({ apis }, { file: 'Dockerfile', text: batch ? 'FROM x\nCMD /bin/sh /home/run.sh\n' : undefined }).filter((c) => c.planned);

test('expected checks: one per api, batch only for batch', () => {
  const ids = expectedChecks([{ method: 'post', url: '/' }], false).map((c) => c.id);
  assert.deepEqual(ids, ['build', 'size', 'platform', 'start', 'health', 'api POST /', 'logs', 'stop']);
  assert.ok(expectedChecks([], true).some((c) => c.id === 'batch'));
});

test('expected checks follow the deployment: its port in the start title, one check per probe under current (liveness after the apis)', () => {
  const config = { apis: [{ method: 'post', url: '/' }], health: { url: '/health' } };
  const deploy = { port: 9000, probes: { startup: { url: '/ready' }, readiness: { check_method: 'EXEC', command: '/home/ma-user/health.sh' } } };
  const dir = tempFolder({ [DEPLOY_FILE]: JSON.stringify(deploy) });
  after(() => removeFolder(dir));
  const plan = (profile: 'seed-2021' | 'current') =>
    plannedChecks(config, { file: 'Dockerfile' }, undefined, folderDeployment({ dir }, config, profile)).filter((c) => c.planned);
  const current = plan('current');
  assert.deepEqual(current.map((c) => c.id), ['build', 'size', 'platform', 'start', 'startup', 'readiness', 'api POST /', 'liveness', 'logs', 'stop']);
  assert.deepEqual(current.filter((c) => ['start', 'startup', 'readiness', 'liveness'].includes(c.id)).map((c) => c.title.en),
    ['Serve on port 9000', 'Startup probe /ready', 'Readiness probe /home/ma-user/health.sh', 'Liveness probe /health']);
  assert.equal(current.find((c) => c.id === 'readiness')!.title.zh, '就绪探针 /home/ma-user/health.sh');
  // seed-2021: config.json's health alone, port 8080, the deployment file unread.
  const seed = plan('seed-2021');
  assert.deepEqual(seed.map((c) => c.id), ['build', 'size', 'platform', 'start', 'health', 'api POST /', 'logs', 'stop']);
  assert.equal(seed.find((c) => c.id === 'start')!.title.en, 'Serve on port 8080');
});

test('a failing check gets its finding: message with code, location in config.json; build failures point at the step', () => {
  const cfg = '/m/config.json';
  const rng = { start: { line: 63, character: 6 }, end: { line: 63, character: 16 } };
  const report: Report = {
    passed: false, folder: '/m', serviceKind: 'online', timings: {},
    checks: [
      { id: 'build', title: 'Build the image', status: 'pass', durationMs: 5, message: 'ok' },
      { id: 'api POST /', title: 'api POST /', status: 'fail', code: 'MA406', durationMs: 7, message: 'HTTP 500' },
      { id: 'api POST /greet', title: 'api POST /greet', status: 'fail', code: 'MA407', durationMs: 7, message: 'bad', details: ['answer: {}'] },
      { id: 'api POST /b', title: 'api POST /b', status: 'fail', code: 'MA406', durationMs: 7, message: 'HTTP 502' },
      { id: 'batch', title: 'Batch', status: 'skip', durationMs: 0, message: 'online service' },
    ],
    findings: [
      { code: 'MA406', file: cfg, range: rng, severity: 'error', message: { en: 'first 406', zh: '第一个' } },
      { code: 'MA407', file: cfg, range: rng, severity: 'error', message: { en: 'schema mismatch', zh: '不匹配' } },
      { code: 'MA406', file: '/m/Dockerfile', range: rng, severity: 'error', message: { en: 'second 406', zh: '第二个' } },
    ],
  };
  const r = checkResults(report, 'en');
  assert.deepEqual(r.map((x) => x.state), ['passed', 'failed', 'failed', 'failed', 'skipped']);
  assert.equal(r[1].message, 'MA406: first 406');
  assert.equal(r[2].message, 'MA407: schema mismatch');
  assert.deepEqual(r[2].location, { file: cfg, range: rng });
  assert.deepEqual(r[2].details, ['answer: {}']);
  assert.equal(r[3].location?.file, '/m/Dockerfile', 'findings pair with checks in order');
  assert.equal(checkResults(report, 'zh-cn')[2].message, 'MA407: 不匹配');
  const built = checkResults({ ...report, findings: [],
    checks: [{ id: 'build', title: 'Build', status: 'fail', durationMs: 1, message: 'step 3 failed', location: { file: '/m/Dockerfile', line: 4 } }] }, 'en');
  assert.deepEqual(built[0].location, { file: '/m/Dockerfile', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } } });
});
