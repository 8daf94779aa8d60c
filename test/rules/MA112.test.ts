// MA112: Health timings not integers or out of range.
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, img } from '../core/config-helpers';

const health = (timing: Record<string, unknown>) => configOnly(img({ health: { url: '/h', ...timing } }));

ruleTester('MA112', {
  valid: [
    { name: 'close case: "12"', files: health({ timeout_seconds: '12' }) },
    { name: 'close case: 0', files: health({ initial_delay_seconds: 0 }) },
    { name: 'close case: 12', files: health({ period_seconds: 12 }) },
    { name: 'close case: failure_threshold "1"', files: health({ failure_threshold: '1' }) },
    {
      name: 'health numbers: strings and integers both accepted',
      files: configOnly(img({ health: { url: '/health', initial_delay_seconds: '0', timeout_seconds: 30, period_seconds: '5', failure_threshold: 3 } })),
      exact: [],
    },
  ],
  invalid: [
    { name: 'abc', files: health({ timeout_seconds: 'abc' }) },
    { name: '-1', files: health({ initial_delay_seconds: -1 }) },
    { name: '1.5', files: health({ period_seconds: 1.5 }) },
    { name: 'failure_threshold 0', files: health({ failure_threshold: '0' }) },
  ],
});
