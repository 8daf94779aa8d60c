// MA118: An Image model without apis.
import * as assert from 'node:assert/strict';
import { configCodes, ruleTester } from '../helpers/ruleTester';
import { configOnly, img, json } from '../core/config-helpers';

ruleTester('MA118', {
  valid: [{ name: 'close case: an Image model with apis', files: configOnly(img()) }],
  invalid: [
    { name: 'Image without apis', files: configOnly(json({ model_algorithm: 'a', model_type: 'Image', health: { url: '/health' } })) },
    {
      name: 'also for an empty apis array, at the apis key',
      files: configOnly(json({ model_algorithm: 'a', model_type: 'Image', apis: [], health: { url: '/h' } })),
      exact: ['MA118'],
      then: ([f]) => assert.deepEqual(f.range.start, { line: 3, character: 2 }),
    },
    {
      name: 'fix: adds an api on /',
      files: configOnly(json({ model_algorithm: 'a', model_type: 'Image', health: { url: '/health' } })),
      firstFix: (after) => assert.deepEqual(configCodes(after), []),
    },
  ],
});
