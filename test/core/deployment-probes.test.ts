// core/deployment.ts, the probes part: where each probe comes from (the deployment file over config.json, config.json's
// `health` keeping its seed meaning), the port's precedence, and values the console refuses never reaching the run
// as a zero period or timeout (the run would poll without pause or give up at once).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { deploymentOf, probeBudgetS, PROBE_DEFAULTS } from '../../core/deployment';

const CONFIG = {
  health: { url: '/health', period_seconds: 2 },
  startup_health: { url: '/started' },
  readiness_health: { check_method: 'EXEC', command: '/bin/ready --fast' },
};

const shape = (d: ReturnType<typeof deploymentOf>) => d.probes.map((p) => [p.kind, p.method, p.url, p.command?.join(' '), p.source]);

test('current: config.json\'s health is the liveness probe, startup_health and readiness_health the other two, in the platform\'s order', () => {
  assert.deepEqual(shape(deploymentOf(undefined, CONFIG, 'current')), [
    ['startup', 'HTTP', '/started', undefined, 'config'],
    ['readiness', 'EXEC', '/health', '/bin/ready --fast', 'config'],
    ['liveness', 'HTTP', '/health', undefined, 'config'],
  ]);
});

test('current: a probe of the deployment file wins over config.json\'s of the same kind, the others stay', () => {
  const deploy = { probes: { readiness: { url: '/ready', period_seconds: 7 } } };
  const d = deploymentOf(deploy, CONFIG, 'current');
  assert.deepEqual(shape(d), [
    ['startup', 'HTTP', '/started', undefined, 'config'],
    ['readiness', 'HTTP', '/ready', undefined, 'deploy'],
    ['liveness', 'HTTP', '/health', undefined, 'config'],
  ]);
  assert.equal(d.probes[1].periodS, 7);
});

test('seed-2021: config.json\'s health is the only check; the deployment file\'s probes and port are not read', () => {
  const d = deploymentOf({ port: 9000, probes: { liveness: { url: '/live' } } }, CONFIG, 'seed-2021');
  assert.deepEqual(shape(d), [['liveness', 'HTTP', '/health', undefined, 'config']]);
  assert.deepEqual([d.port, d.portFrom], [8080, 'default']);
  assert.deepEqual(deploymentOf({ probes: { liveness: { url: '/live' } } }, {}, 'seed-2021').probes, []);
});

test('the port: a flag over the file over 8080 under current; a port the console refuses counts as absent', () => {
  const portOf = (d: ReturnType<typeof deploymentOf>) => [d.port, d.portFrom];
  assert.deepEqual(portOf(deploymentOf({ port: 9000 }, {}, 'current', { port: 7000 })), [7000, 'override']);
  assert.deepEqual(portOf(deploymentOf({ port: 9000 }, {}, 'current')), [9000, 'deploy']);
  for (const port of [0, 70000, 8080.5, '9000']) assert.deepEqual(portOf(deploymentOf({ port }, {}, 'current')), [8080, 'default'], String(port));
});

test('a period or timeout of 0, a negative delay, a threshold in words: the console\'s defaults, never a zero wait', () => {
  const raw = { period_seconds: 0, timeout_seconds: '0', initial_delay_seconds: -5, failure_threshold: 'many' };
  const [p] = deploymentOf({ probes: { startup: raw } }, {}, 'current').probes;
  assert.deepEqual([p.periodS, p.timeoutS, p.initialDelayS, p.failureThreshold],
    [PROBE_DEFAULTS.periodS, PROBE_DEFAULTS.timeoutS, PROBE_DEFAULTS.initialDelayS, PROBE_DEFAULTS.failureThreshold]);
  // The console's defaults: 12 + 5 × (12 − 1) + 3 = 70 s, the budget the docs and the deadline name.
  assert.equal(probeBudgetS(p), 70);
  const [edge] = deploymentOf({ probes: { startup: { period_seconds: 1, timeout_seconds: 1, initial_delay_seconds: 0, failure_threshold: 1 } } },
    {}, 'current').probes;
  assert.deepEqual([edge.periodS, edge.timeoutS, edge.initialDelayS, edge.failureThreshold], [1, 1, 0, 1]);
});
