// MA119: A metric that is not a number in [0, 1].
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, img } from '../core/config-helpers';

const metrics = (m: Record<string, unknown>) => configOnly(img({ metrics: m }));

ruleTester('MA119', {
  valid: [
    { name: 'close case: 1', files: metrics({ f1: 1 }) },
    { name: 'close case: 0.9', files: metrics({ accuracy: 0.9 }) },
  ],
  invalid: [
    { name: 'metric above 1', files: metrics({ f1: 1.2 }) },
    { name: 'metric as string', files: metrics({ accuracy: '0.9' }) },
  ],
});
