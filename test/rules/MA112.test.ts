// MA112: Health timings not integers or out of range.
import assert from 'node:assert/strict';
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
    {
      name: 'a negative delay: set it to 0 (preferred) or to the console\'s default, 12; a string stays a string',
      files: health({ initial_delay_seconds: '-5' }),
      count: 1,
      firstFix: true,
      whenFixed: (files) => assert.match(files['config.json'], /"initial_delay_seconds": "0"/),
      then: (found) => {
        assert.deepEqual(found[0].fixes?.map((f) => [f.title.en, f.title.zh, f.edits[0].newText, !!f.isPreferred]), [
          ['Set it to 0', '改为 0', '"0"', true],
          ['Use the console\'s default, 12', '改用控制台的默认值 12', '"12"', false],
        ]);
      },
    },
    {
      name: 'a zero period as a number: set it to 1 or to 5, as numbers',
      files: health({ period_seconds: 0 }),
      whenFixed: (files) => assert.match(files['config.json'], /"period_seconds": 1\b/),
      then: (found) => assert.deepEqual(found[0].fixes?.map((f) => f.edits[0].newText), ['1', '5']),
    },
    {
      name: 'not a number: no fix (what was meant is unknown)',
      files: health({ timeout_seconds: 'abc' }),
      then: (found) => assert.equal(found[0].fixes, undefined),
    },
    { name: '1.5', files: health({ period_seconds: 1.5 }) },
    { name: 'failure_threshold 0', files: health({ failure_threshold: '0' }) },
  ],
});
