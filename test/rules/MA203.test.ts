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

// The deployment file's port counts under `current`; under `seed-2021` the port stays 8080 and the message says why.
const DEPLOY = { 'modelarts-deploy.json': '// the console\'s container port\n{ "port": 9000 }\n' };
const current = { profile: 'current' as const };
ruleTester('MA203', {
  valid: [
    { name: 'current: the deployment file sets 9000 and gunicorn binds 9000', files: { ...cmd('CMD gunicorn -b 0.0.0.0:9000 server:app'), ...DEPLOY },
      opts: current },
    { name: 'seed-2021: port 8080 whatever the deployment file says', files: { ...cmd('CMD gunicorn -b 0.0.0.0:8080 server:app'), ...DEPLOY } },
  ],
  invalid: [
    {
      name: 'current: the deployment file sets 9000, the server listens on 8080: an error (the port is known), told with where it comes from, fixed to 9000',
      files: { ...cmd('CMD gunicorn -b 0.0.0.0:8080 server:app'), ...DEPLOY }, opts: current, count: 1, severity: 'error',
      message: /listens on port 8080 .*sends requests to port 9000 \(the deployment file sets port 9000\)\. Listen on 9000\./,
      fixed: true, whenFixed: (f) => assert.match(f.Dockerfile, /-b 0\.0\.0\.0:9000/),
      then: (found) => assert.equal(found[0].fixes?.[0].title.en, 'Listen on 9000'),
    },
    {
      name: 'current without a deployment file: a warning (the console may set another port)',
      files: cmd('CMD gunicorn -b 0.0.0.0:9000 server:app'), opts: current, count: 1, severity: 'warning',
    },
    {
      name: 'current: uvicorn on its default port gets --port 9000 added',
      files: { ...cmd('CMD uvicorn server:app --host 0.0.0.0'), ...DEPLOY }, opts: current, count: 1,
      then: (found) => assert.deepEqual(found[0].fixes?.[0].edits.map((e) => e.newText), [' --port 9000']),
    },
    {
      name: 'seed-2021: a server on 9000 with the deployment file saying 9000 is still an error, and the message says why',
      files: { ...cmd('CMD gunicorn -b 0.0.0.0:9000 server:app'), ...DEPLOY }, count: 1, severity: 'error',
      message: /port 8080 \(under seed-2021 it is always 8080; the deployment file's port 9000 counts under the current profile only\)/,
    },
  ],
});
