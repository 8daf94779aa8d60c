// MA212: The container runs as root.
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { serious } from '../fixtures/dockerfile/harness';
import { GOOD, online } from '../helpers/folders';

const NO_USER = GOOD.replace('USER 1000:100\n', '');

ruleTester('MA212', {
  valid: [{ name: 'USER 1000:100', files: online(GOOD), alone: true }],
  invalid: [
    {
      name: 'no USER: info by default',
      files: online(NO_USER),
      alone: true,
      count: 1,
      severity: 'info',
      then: (_found, all) => assert.deepEqual(serious(all), [], 'info by default'),
    },
    { name: 'USER root', files: online(GOOD.replace('USER 1000:100', 'USER root')), alone: true, count: 1 },
    {
      name: 'an error for a Custom-engine model',
      files: online(NO_USER, { 'config.json': JSON.stringify({ model_algorithm: 'a', model_type: 'Custom' }) }),
      severity: 'error',
    },
  ],
});
