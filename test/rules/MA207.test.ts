// MA207: No CMD or ENTRYPOINT.
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { BATCH, GOOD, HANDLER, online } from '../helpers/folders';

const MARKED = '# modelarts-service: batch\n' + BATCH;

ruleTester('MA207', {
  valid: [
    { name: 'ENTRYPOINT instead of CMD', files: online(GOOD.replace(/CMD (.*)/, 'ENTRYPOINT $1')), alone: true },
  ],
  invalid: [
    { name: 'no CMD or ENTRYPOINT', files: online(GOOD.replace(/CMD .*\n/, '')), alone: true, count: 1 },
    {
      name: 'a batch image without a command: MA207, and MA204 does not repeat it',
      files: online(MARKED, { 'run.sh': 'exec python3 /home/server.py\n' }),
      alone: true,
      count: 1,
    },
    {
      name: 'the current profile\'s fix writes the exec form',
      files: online(MARKED, { 'run.sh': 'x' }),
      opts: { profile: 'current' },
      then: (found) => assert.equal(found[0].fixes?.[0].edits[0].newText, '\nCMD ["sh", "/home/run.sh"]', 'the current profile writes the exec form'),
    },
    { name: 'the fix adds the batch command', files: { Dockerfile: MARKED, 'run.sh': 'exec python3 /home/server.py\n', 'server.py': HANDLER }, fixed: 'clean' },
  ],
});
