// MA302: An apis url is served by no route in the code. Every route framework: test/core/project-rules.test.ts.
import { ruleTester } from '../helpers/ruleTester';
import { D, cfg, FW, flask } from '../helpers/routeFolders';

ruleTester('MA302', {
  valid: [
    {
      name: 'Flask serves POST /predict',
      files: { Dockerfile: D(FW[0].file, FW[0].cmd), [FW[0].file]: FW[0].code, 'config.json': cfg('/health', '/predict') },
    },
  ],
  invalid: [
    { name: 'a route for another method: a 405 message', files: flask(cfg('/health', '/predict', 'get')), message: /405/ },
  ],
});
