// MA103: A value outside its allowed set.
import * as assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, json, tf, withApi } from '../core/config-helpers';

const pkg = (restraint: string) => tf({ dependencies: [{ installer: 'pip', packages: [{ package_name: 'a', package_version: '1', restraint }] }] });

ruleTester('MA103', {
  valid: [
    { name: 'close case: model_type TensorFlow', files: configOnly(json({ model_algorithm: 'a', model_type: 'TensorFlow' })) },
    { name: 'close case: method get', files: configOnly(withApi({ method: 'get' })) },
    { name: 'close case: restraint EXACT', files: configOnly(pkg('EXACT')) },
  ],
  invalid: [
    { name: 'model_type unknown', files: configOnly(json({ model_algorithm: 'a', model_type: 'Tensorflow2' })) },
    { name: 'method put', files: configOnly(withApi({ method: 'put' })) },
    { name: 'restraint', files: configOnly(pkg('EQUAL')) },
    {
      name: 'fix: an enum near miss',
      files: configOnly(json({ model_algorithm: 'a', model_type: 'pytorch' })),
      firstFix: (after) => assert.equal(JSON.parse(after.files['config.json']).model_type, 'PyTorch'),
    },
  ],
});
