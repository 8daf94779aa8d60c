// MA301: health.url is served by no route in the code. Every route framework: test/core/project-rules.test.ts.
import assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { D, cfg, FW, flask } from '../helpers/routeFolders';

ruleTester('MA301', {
  valid: [
    { name: 'Flask serves /health', files: { Dockerfile: D(FW[0].file, FW[0].cmd), [FW[0].file]: FW[0].code, 'config.json': cfg('/health', '/predict') } },
  ],
  invalid: [
    {
      name: 'the finding points at the config key and relates to the code and the Dockerfile',
      files: flask(cfg('/healthz', '/predict')),
      then: (found) => {
        const f = found[0];
        assert.ok(f.file.endsWith('config.json'));
        assert.ok(f.related?.some((x) => x.file.endsWith('app.py')));
        assert.ok(f.related?.some((x) => x.file.endsWith('Dockerfile')));
      },
    },
  ],
});

// Under `current` the deployment file's HTTP probe urls are probed with GET too: a path no route serves fails the deployment.
const withProbe = (url: string, method = 'HTTP') =>
  ({ ...flask(cfg('/health', '/predict')), 'modelarts-deploy.json': JSON.stringify({ probes: { startup: { check_method: method, url } } }) });
ruleTester('MA301', {
  valid: [
    { name: 'current: the startup probe url is routed', files: withProbe('/health'), opts: { profile: 'current' } },
    { name: 'current: an EXEC probe\'s url is not probed', files: withProbe('/nowhere', 'EXEC'), opts: { profile: 'current' } },
    { name: 'seed-2021: the deployment file\'s probes do not count', files: withProbe('/nowhere') },
  ],
  invalid: [
    {
      name: 'current: a startup probe url no route serves, on the deployment file',
      files: withProbe('/startup'), opts: { profile: 'current' }, count: 1, severity: 'warning',
      message: /deployment file's probes\.startup\.url \/startup is served by no route .*makes the deployment fail/,
      then: (found) => assert.ok(found[0].file.endsWith('modelarts-deploy.json')),
    },
  ],
});
