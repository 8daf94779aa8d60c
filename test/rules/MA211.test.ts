// MA211: An ENV variable uses the reserved MA_ prefix.
import { ruleTester } from '../helpers/ruleTester';
import { GOOD, online } from '../helpers/folders';

const env = (line: string) => online(GOOD.replace('ENV PYTHONUNBUFFERED=1', line));

ruleTester('MA211', {
  valid: [{ name: 'MA_ not at the start', files: env('ENV MODEL_MA=x'), alone: true }],
  invalid: [{ name: 'ENV MA_MODEL', files: env('ENV MA_MODEL=x'), alone: true, count: 1 }],
});
