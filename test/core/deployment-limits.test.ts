// core/deployment.ts, the limits part: image size per profile and cloud, the user per profile, memory sizes as
// `docker run --memory` writes them, user specs as `docker run --user` takes them.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { deploymentOf, isCloud, isUserSpec, parseMemory, sizeLimitOf, MA_USER } from '../../core/deployment';

const GB = 1024 ** 3;
const MB = 1024 ** 2;

test('size limit: 10 GB seed-2021 (any cloud), 50 GB current, 30 GB current on Open Telekom Cloud', () => {
  assert.equal(sizeLimitOf('seed-2021'), 10 * GB);
  assert.equal(sizeLimitOf('seed-2021', 'otc'), 10 * GB);
  assert.equal(sizeLimitOf('current'), 50 * GB);
  assert.equal(sizeLimitOf('current', 'otc'), 30 * GB);
  assert.equal(deploymentOf({ cloud: 'otc' }, {}, 'current').sizeLimitBytes, 30 * GB);
  assert.equal(deploymentOf({ cloud: 'otc' }, {}, 'current', { cloud: 'huaweicloud' }).sizeLimitBytes, 50 * GB, 'the flag wins over the file');
});

test('user: ma-user under current, the image\'s own under seed-2021, a flag wins under both', () => {
  assert.equal(deploymentOf(undefined, {}, 'current').user, MA_USER);
  assert.equal(deploymentOf(undefined, {}, 'seed-2021').user, undefined);
  assert.equal(deploymentOf({ user: '0' }, {}, 'current').user, '0');
  assert.equal(deploymentOf(undefined, {}, 'seed-2021', { user: '1000:100' }).user, '1000:100');
});

test('memory: k, m, g suffixes (any case, optional b), bytes, at least 6 MB; memory_mb of the file', () => {
  assert.equal(parseMemory('512m'), 512 * MB);
  assert.equal(parseMemory('4g'), 4 * GB);
  assert.equal(parseMemory('1.5G'), 1.5 * GB);
  assert.equal(parseMemory('65536k'), 64 * MB);
  assert.equal(parseMemory('64MB'), 64 * MB);
  assert.equal(parseMemory(String(8 * MB)), 8 * MB);
  for (const bad of ['', 'lots', '5m', '-1g', '4 gigabytes', '1t']) assert.equal(parseMemory(bad), undefined, bad);
  assert.equal(deploymentOf({ memory_mb: 64 }, {}, 'seed-2021').memoryBytes, 64 * MB);
  assert.equal(deploymentOf({ memory_mb: 64 }, {}, 'current', { memoryBytes: 128 * MB }).memoryBytes, 128 * MB);
});

test('user specs and clouds', () => {
  for (const ok of ['1000:100', '1000', 'ma-user', 'ma-user:ma-group', '0']) assert.ok(isUserSpec(ok), ok);
  for (const bad of ['', 'ma user', '1000:', ':100', '1000:100:1', '$(id)']) assert.ok(!isUserSpec(bad), bad);
  assert.ok(isCloud('otc') && isCloud('huaweicloud') && !isCloud('aws') && !isCloud(undefined));
});
