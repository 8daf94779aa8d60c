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
import { L } from '../../core/i18n';

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

test('a failing check: its whole one-line message first, the finding and details in the body; the first failure is the cause', () => {
  const cfg = '/m/config.json';
  const rng = { start: { line: 63, character: 6 }, end: { line: 63, character: 16 } };
  const report: Report = {
    passed: false, folder: '/m', serviceKind: 'online', timings: {},
    checks: [
      { id: 'build', title: L('Build the image', '构建镜像'), status: 'pass', durationMs: 5, message: L('ok', '好') },
      { id: 'api POST /', title: L('api POST /', '接口 POST /'), status: 'fail', code: 'MA406', durationMs: 7, message: L('HTTP 500', 'HTTP 500') },
      { id: 'api POST /greet', title: L('api POST /greet', '接口 POST /greet'), status: 'fail', code: 'MA407', durationMs: 7,
        message: L('bad answer', '应答不对'), details: [L('answer: {}', '应答：{}')] },
      { id: 'api POST /b', title: L('api POST /b', '接口 POST /b'), status: 'fail', code: 'MA406', durationMs: 7, message: L('HTTP 502', 'HTTP 502') },
      { id: 'batch', title: L('Batch', '批量'), status: 'skip', durationMs: 0, message: L('online service', '在线服务') },
    ],
    findings: [
      { code: 'MA406', file: cfg, range: rng, severity: 'error', message: { en: 'first 406', zh: '第一个' } },
      { code: 'MA407', file: cfg, range: rng, severity: 'error', message: { en: 'schema mismatch', zh: '不匹配' } },
      { code: 'MA406', file: '/m/Dockerfile', range: rng, severity: 'error', message: { en: 'second 406', zh: '第二个' } },
    ],
  };
  const r = checkResults(report, 'en');
  assert.deepEqual(r.map((x) => x.state), ['passed', 'failed', 'failed', 'failed', 'skipped']);
  assert.deepEqual(r.map((x) => x.cause ?? false), [false, true, false, false, false], 'only the first failure in run order is the cause');
  assert.equal(r[1].message, 'MA406: HTTP 500');
  assert.deepEqual(r[1].body, ['first 406']);
  assert.equal(r[2].message, 'MA407: bad answer');
  assert.deepEqual(r[2].body, ['It may follow from the first failure: api POST /.', 'schema mismatch', 'answer: {}']);
  assert.deepEqual(r[2].location, { file: cfg, range: rng });
  assert.equal(r[3].location?.file, '/m/Dockerfile', 'findings pair with checks in order');
  const zh = checkResults(report, 'zh-cn');
  assert.deepEqual(zh.map((x) => x.label), ['构建镜像', '接口 POST /', '接口 POST /greet', '接口 POST /b', '批量']);
  assert.equal(zh[2].message, 'MA407: 应答不对');
  assert.deepEqual(zh[2].body, ['可能由第一个未通过的检查引起：接口 POST /。', '不匹配', '应答：{}']);
  const built = checkResults({ ...report, findings: [], checks: [{ id: 'build', title: L('Build', '构建'), status: 'fail', durationMs: 1,
    message: L('step 3 failed', '第 3 步失败'), location: { file: '/m/Dockerfile', line: 4 } }] }, 'en');
  assert.deepEqual(built[0].location, { file: '/m/Dockerfile', range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } } });
});
