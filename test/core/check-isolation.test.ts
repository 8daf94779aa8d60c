// A rule that throws must not take the other rules' findings with it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkModelFolder } from '../../server/src/check';
import { configRules } from '../../server/src/rules/config';
import { defaultOptions } from '../../server/src/core/types';
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
