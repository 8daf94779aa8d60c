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
