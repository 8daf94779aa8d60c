// MA303: HEALTHCHECK probes another path or port than config.json.
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { ONLINE, HANDLER } from '../helpers/folders';
import { D, cfg, flask } from '../helpers/routeFolders';

const hc = (healthcheck: string) => ({
  ...flask(cfg('/health', '/predict')),
  Dockerfile: D('app.py', 'python app.py').replace('USER', healthcheck + '\nUSER'),
});

ruleTester('MA303', {
  valid: [
    { name: 'the same port and path as config.json', files: hc('HEALTHCHECK CMD curl -f http://localhost:8080/health || exit 1') },
    { name: 'a script probe is not judged', files: hc('HEALTHCHECK CMD ["python", "/app/check.py"]') },
    { name: 'HEALTHCHECK NONE', files: hc('HEALTHCHECK NONE') },
  ],
  invalid: [
    { name: 'another path', files: hc('HEALTHCHECK --interval=30s CMD curl -f http://localhost:8080/ping || exit 1'), count: 1 },
    { name: 'another port', files: hc('HEALTHCHECK CMD wget -qO- http://127.0.0.1:5000/health'), count: 1 },
    {
      name: 'related to health.url in config.json',
      files: hc('HEALTHCHECK CMD curl -f http://localhost:8080/ping'),
      then: (found) => assert.ok(found[0].related?.[0].file.endsWith('config.json')),
    },
    {
      name: 'the fixes probe config.json\'s health path and port 8080',
      files: {
        Dockerfile: ONLINE('CMD ["python3", "/home/app/server.py"]').replace('USER', 'HEALTHCHECK CMD curl -f http://localhost:8000/healthz || exit 1\nUSER'),
        'server.py': HANDLER,
      },
      fixed: 'clean',
      whenFixed: (files) => assert.match(files.Dockerfile, /http:\/\/localhost:8080\/health /),
    },
  ],
});
