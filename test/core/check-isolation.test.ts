// A rule that throws must not take the other rules' findings with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModelFolder } from '../../core/check';
import { configRules } from '../../core/rules/config';
import { dockerfileRules } from '../../core/rules/dockerfile';
import { projectRules } from '../../core/rules/project';
import { coded, ruleCodeOf } from '../../core/rules/isolate';
import { defaultOptions } from '../../core/types';
import { tempFolder, removeFolder } from '../helpers/tmp';
import * as path from 'node:path';

test('a throwing rule is reported as a warning and the other findings still come', () => {
  const dir = tempFolder({ 'config.json': '{"model_type": "Image", "apis": []}' });
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  const broken = function brokenRule(): never {
    throw new Error('boom');
  };
  configRules.unshift(broken);
  try {
    const findings = checkModelFolder({ dir, configPath: path.join(dir, 'config.json') }, defaultOptions());
    assert.ok(findings.some((f) => f.code === 'MA101'), 'the config rules still report the missing model_algorithm');
  } finally {
    configRules.shift();
    removeFolder(dir);
  }
  return new Promise<void>((resolve) =>
    setImmediate(() => {
      process.off('warning', onWarning);
      assert.ok(warnings.some((w) => w.includes('brokenRule') && w.includes('boom')), warnings.join('\n'));
      resolve();
    }),
  );
});

// The faults below cannot come from a real input (the rules are total on every file the fuzzers produce): the
// test swaps a registry entry for a throwing one, the only way to reach the isolation code.
const DOCKERFILE = 'FROM python:3.11-slim\nCOPY app.py /app/app.py\nEXPOSE 9090\nCMD python /app/app.py\n';

function withWarnings(body: () => void): Promise<string[]> {
  const warnings: string[] = [];
  const onWarning = (w: Error) => warnings.push(w.message);
  process.on('warning', onWarning);
  body();
  // process.emitWarning delivers on the next tick.
  return new Promise((resolve) => setImmediate(() => (process.off('warning', onWarning), resolve(warnings))));
}

function swapped<T>(list: T[], at: number, replacement: T, body: () => void): void {
  const original = list[at];
  list[at] = replacement;
  try {
    body();
  } finally {
    list[at] = original;
  }
}

test('every dockerfile and project rule is its own registry entry, named by its code', () => {
  assert.deepEqual(dockerfileRules.map(ruleCodeOf).slice(0, 13),
    ['MA200', 'MA201', 'MA202', 'MA203', 'MA204', 'MA205', 'MA206', 'MA207', 'MA208', 'MA209', 'MA210', 'MA211', 'MA212']);
  assert.ok(dockerfileRules.map(ruleCodeOf).every((c) => /^MA2\d\d$/.test(c)));
  assert.deepEqual(projectRules.map(ruleCodeOf), ['MA301', 'MA302', 'MA303', 'MA304']);
});

test('a Dockerfile rule that throws hides no other finding, and the warning names its code', async () => {
  const dir = tempFolder({ 'Dockerfile': DOCKERFILE, 'app.py': 'print(1)\n' });
  const folder = { dir, dockerfilePath: path.join(dir, 'Dockerfile') };
  const before = checkModelFolder(folder, defaultOptions()).map((f) => f.code);
  assert.ok(before.includes('MA201') && before.includes('MA212'), before.join());
  let after: string[] = [];
  const at = dockerfileRules.findIndex((r) => ruleCodeOf(r) === 'MA201');
  const warnings = await withWarnings(() =>
    swapped(dockerfileRules, at, coded('MA201', () => { throw new Error('injected'); }), () => {
      after = checkModelFolder(folder, defaultOptions()).map((f) => f.code);
    }));
  removeFolder(dir);
  assert.deepEqual(after, before.filter((c) => c !== 'MA201'), 'every other finding still comes');
  assert.ok(warnings.some((w) => w.startsWith(`rule MA201 failed on ${dir}: Error: injected`)), warnings.join('\n'));
  assert.ok(!warnings.some((w) => /rule all failed/.test(w)));
});

test('a project rule that throws is named too, and MA200 still gates the Dockerfile rules', async () => {
  const dir = tempFolder({ 'config.json': '{"model_type": "Image", "apis": []}', 'Dockerfile': DOCKERFILE, 'app.py': 'print(1)\n' });
  const folder = { dir, configPath: path.join(dir, 'config.json'), dockerfilePath: path.join(dir, 'Dockerfile') };
  let codes: string[] = [];
  const at = projectRules.findIndex((r) => ruleCodeOf(r) === 'MA301');
  const warnings = await withWarnings(() =>
    swapped(projectRules, at, coded('MA301', () => { throw new Error('injected'); }), () => {
      codes = checkModelFolder(folder, defaultOptions()).map((f) => f.code);
    }));
  assert.ok(codes.includes('MA101') && codes.includes('MA201'), codes.join());
  assert.ok(warnings.some((w) => w.startsWith('rule MA301 failed on ')), warnings.join('\n'));
  // No FROM: MA200 alone from the Dockerfile family, whatever each gated rule would say.
  const broken = tempFolder({ 'Dockerfile': 'EXPOSE 9090\nCMD python /app/app.py\n' });
  const only = checkModelFolder({ dir: broken, dockerfilePath: path.join(broken, 'Dockerfile') }, defaultOptions());
  assert.deepEqual(only.map((f) => f.code).filter((c) => c.startsWith('MA2')), ['MA200']);
  // The "suppress here" fix still rides on each Dockerfile finding.
  const fixed = checkModelFolder({ dir, dockerfilePath: path.join(dir, 'Dockerfile') }, defaultOptions()).find((f) => f.code === 'MA201');
  assert.ok(fixed?.fixes?.some((x) => /MA201/.test(x.title.en)), JSON.stringify(fixed?.fixes));
  removeFolder(dir);
  removeFolder(broken);
});
