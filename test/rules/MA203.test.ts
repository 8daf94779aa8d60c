// MA203: The server listens on a port other than 8080. Every server pattern: test/core/dockerfile-servers.test.ts.
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { GOOD, HANDLER, ONLINE, online } from '../helpers/folders';

const cmd = (c: string) => online(GOOD.replace(/CMD .*/, c));

ruleTester('MA203', {
  valid: [
    { name: 'gunicorn -b 0.0.0.0:8080', files: cmd('CMD gunicorn -b 0.0.0.0:8080 server:app'), alone: true },
  ],
  invalid: [
    { name: 'gunicorn -b 0.0.0.0:9000', files: cmd('CMD gunicorn -b 0.0.0.0:9000 server:app'), alone: true, count: 1 },
    {
      name: 'a port built from a variable is reported but not rewritten (no fix could be exact)',
      files: { Dockerfile: ONLINE('ENV PORT=5000\nCMD gunicorn -b 0.0.0.0:${PORT} server:app'), 'server.py': HANDLER },
      then: (found) => assert.deepEqual(found[0].fixes?.map((x) => x.title.en), ['Suppress MA203 here']),
    },
  ],
});
