// MA116: An Image model without health.
import * as assert from 'node:assert/strict';
import { configCodes, ruleTester } from '../helpers/ruleTester';
import { configOnly, img, json } from '../core/config-helpers';

const noHealth = configOnly(json({ model_algorithm: 'a', model_type: 'Image', apis: [{ url: '/' }] }));

ruleTester('MA116', {
  valid: [{ name: 'close case: an Image model with health', files: configOnly(img()) }],
  invalid: [
    { name: 'Image without health', files: noHealth },
    { name: 'profile: an info under seed-2021', files: noHealth, opts: { profile: 'seed-2021' }, exact: ['MA116'], severity: 'info' },
    { name: 'profile: a warning under current', files: noHealth, opts: { profile: 'current' }, exact: ['MA116'], severity: 'warning' },
    { name: 'fix: a runtime-less health check', files: noHealth, firstFix: (after) => assert.deepEqual(configCodes(after), []) },
  ],
});
