// MA110: dependencies are not supported on an Image model.
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, img, tf } from '../core/config-helpers';

const DEPENDENCIES = { dependencies: [{ installer: 'pip', packages: [] }] };

ruleTester('MA110', {
  valid: [{ name: 'close case: dependencies on TensorFlow', files: configOnly(tf(DEPENDENCIES)) }],
  invalid: [{ name: 'dependencies on Image', files: configOnly(img(DEPENDENCIES)) }],
});
