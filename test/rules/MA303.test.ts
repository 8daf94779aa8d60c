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

// Under `current` the deployment file's port and HTTP probe urls count too.
const deployed = (healthcheck: string, deploy: unknown) => ({ ...hc(healthcheck), 'modelarts-deploy.json': JSON.stringify(deploy) });
const PROBES = { port: 9000, probes: { readiness: { check_method: 'HTTP', url: '/ready' } } };
ruleTester('MA303', {
  valid: [
    { name: 'current: probes the deployment file\'s port and its readiness url', files: deployed('HEALTHCHECK CMD curl -f http://localhost:9000/ready', PROBES),
      opts: { profile: 'current' } },
    { name: 'current: config.json\'s health.url still counts', files: deployed('HEALTHCHECK CMD curl -f http://localhost:9000/health', PROBES),
      opts: { profile: 'current' } },
    { name: 'seed-2021: port 8080 and health.url, the deployment file not read', files: deployed('HEALTHCHECK CMD curl -f http://localhost:8080/health', PROBES) },
  ],
  invalid: [
    {
      name: 'current: port 8080 while the deployment file sets 9000',
      files: deployed('HEALTHCHECK CMD curl -f http://localhost:8080/ready', PROBES), opts: { profile: 'current' }, count: 1,
      message: /probes port 8080; the service listens on 9000 \(the deployment file sets port 9000\)/, fixed: true,
      whenFixed: (f) => assert.match(f.Dockerfile, /localhost:9000\/ready/),
    },
    {
      name: 'current: a path neither file names is told against the deployment file\'s probe url',
      files: deployed('HEALTHCHECK CMD curl -f http://localhost:9000/ping', PROBES), opts: { profile: 'current' }, count: 1,
      message: /probes \/ping but the deployment file's probes\.readiness\.url is \/ready/,
      then: (found) => assert.ok(found[0].related?.[0].file.endsWith('modelarts-deploy.json')),
    },
    {
      name: 'seed-2021: /ready is not config.json\'s health.url (the deployment file\'s probes do not count)',
      files: deployed('HEALTHCHECK CMD curl -f http://localhost:8080/ready', PROBES), count: 1, message: /config\.json's health\.url is \/health/,
    },
  ],
});
