// MA202: The server binds to 127.0.0.1 / localhost. Every server pattern: test/core/dockerfile-servers.test.ts.
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { ours } from '../fixtures/dockerfile/harness';
import { BATCH, GOOD, HANDLER, online } from '../helpers/folders';

const cmd = (c: string) => online(GOOD.replace(/CMD .*/, c));

ruleTester('MA202', {
  valid: [
    { name: 'gunicorn -b 0.0.0.0:8080', files: cmd('CMD gunicorn -b 0.0.0.0:8080 server:app'), alone: true },
  ],
  invalid: [
    { name: 'gunicorn -b 127.0.0.1:8080', files: cmd('CMD gunicorn -b 127.0.0.1:8080 server:app'), alone: true, count: 1 },
    {
      name: 'gunicorn -b localhost:5000: MA202 and MA203',
      files: cmd('CMD gunicorn -b localhost:5000 server:app'),
      count: 1,
      then: (_found, all) => assert.deepEqual(ours(all), ['MA202', 'MA203']),
    },
    {
      name: 'the fix edits the entry script in the build context',
      files: {
        Dockerfile: BATCH + 'CMD /bin/sh /home/run.sh\n',
        'run.sh': 'exec gunicorn -b 127.0.0.1:8080 server:app\n', 'server.py': HANDLER,
      },
      fixed: 'clean',
      whenFixed: (files) => assert.equal(files['run.sh'], 'exec gunicorn -b 0.0.0.0:8080 server:app\n'),
    },
    {
      name: 'an entry script from a heredoc COPY, on its line in the Dockerfile',
      files: { Dockerfile: 'FROM python:3.11-slim\nCOPY <<EOF /start.sh\nexec uvicorn main:app --host 127.0.0.1 --port 8080\nEOF\nEXPOSE 8080\n'
        + 'CMD ["sh", "/start.sh"]\n' },
      line: 2,
    },
  ],
});

const DEPLOY = { 'modelarts-deploy.json': '{ "port": 9000 }' };
ruleTester('MA202', {
  valid: [
    { name: 'current: gunicorn -b 0.0.0.0:9000 with the deployment file\'s port',
      files: { ...online(GOOD.replace('EXPOSE 8080', 'EXPOSE 9000').replace(/CMD .*/, 'CMD gunicorn -b 0.0.0.0:9000 server:app')), ...DEPLOY },
      opts: { profile: 'current' }, alone: true },
  ],
  invalid: [
    {
      name: 'current: the message names the deployment\'s port; gunicorn\'s default bind is replaced by 0.0.0.0:9000',
      files: { ...cmd('CMD gunicorn server:app'), ...DEPLOY }, opts: { profile: 'current' }, count: 1,
      message: /ModelArts sends its requests to port 9000 \(the deployment file sets port 9000\) from outside/,
      then: (found) => assert.deepEqual(found[0].fixes?.[0].edits.map((e) => e.newText), [' -b 0.0.0.0:9000']),
    },
    { name: 'seed-2021: port 8080 in the message', files: { ...cmd('CMD gunicorn -b 127.0.0.1:9000 server:app'), ...DEPLOY }, count: 1,
      message: /to port 8080 \(under seed-2021/ },
  ],
});
