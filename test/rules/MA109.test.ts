// MA109: package_version and restraint must be given together.
import * as assert from 'node:assert/strict';
import { ruleTester, type Checked } from '../helpers/ruleTester';
import { configOnly, json, tf } from '../core/config-helpers';

const withPackage = (pkg: Record<string, unknown>) => configOnly(tf({ dependencies: [{ installer: 'pip', packages: [{ package_name: 'a', ...pkg }] }] }));
const numpy = (pkg: Record<string, unknown>) =>
  configOnly(json({ model_algorithm: 'a', model_type: 'TensorFlow', dependencies: [{ installer: 'pip', packages: [{ package_name: 'numpy', ...pkg }] }] }));
const restraintOf = (after: Checked) => JSON.parse(after.files['config.json']).dependencies[0].packages[0].restraint;

ruleTester('MA109', {
  valid: [
    { name: 'close case: "" counts as absent for both', files: withPackage({ package_version: '', restraint: '' }) },
    { name: 'close case: restraint with its version', files: withPackage({ restraint: 'ATLEAST', package_version: '1.0' }) },
  ],
  invalid: [
    { name: 'version without restraint', files: withPackage({ package_version: '1.0' }) },
    { name: 'restraint without version', files: withPackage({ restraint: 'ATLEAST', package_version: '' }) },
    { name: 'fix: adds restraint EXACT', files: numpy({ package_version: '1.0' }), firstFix: (after) => assert.equal(restraintOf(after), 'EXACT') },
    {
      name: 'fix: sets an empty restraint to EXACT',
      files: numpy({ package_version: '1.0', restraint: '' }),
      firstFix: (after) => assert.equal(restraintOf(after), 'EXACT'),
    },
  ],
});
