// MA122: Unknown key in the deployment file, with a rename fix when one known key is near.
import assert from 'node:assert/strict';
import { ruleTester, rangeText } from '../helpers/ruleTester';
import { GOOD, online } from '../helpers/folders';

const D = 'modelarts-deploy.json';
const withDeploy = (v: unknown) => online(GOOD, { [D]: JSON.stringify(v, null, 2) });

ruleTester('MA122', {
  valid: [
    { name: 'known keys and $schema', files: withDeploy({ $schema: 'x', port: 8080, probes: { liveness: { url: '/health' } } }), alone: true },
  ],
  invalid: [
    { name: 'prot → port', files: withDeploy({ prot: 9000 }), count: 1, severity: 'warning', message: /"prot".*did you mean "port"/,
      firstFix: true, fixed: true,
      whenFixed: (f) => assert.match(f[D], /"port": 9000/) },
    { name: 'initial_delay → initial_delay_seconds', files: withDeploy({ probes: { startup: { initial_delay: 30 } } }), count: 1,
      message: /in probes\.startup: did you mean "initial_delay_seconds"/, fixed: true },
    { name: 'cmd → command', files: withDeploy({ probes: { readiness: { check_method: 'EXEC', cmd: '/home/ma-user/health.sh' } } }), fixed: true,
      whenFixed: (f) => assert.match(f[D], /"command": "\/home\/ma-user\/health.sh"/) },
    { name: 'readyness → readiness', files: withDeploy({ probes: { readyness: { url: '/ready' } } }), count: 1, fixed: true },
    { name: 'period → period_seconds', files: withDeploy({ probes: { liveness: { period: 5 } } }), fixed: true },
    {
      name: 'a near key already set: no rename, the duplicate named',
      files: withDeploy({ port: 8080, prot: 9000 }), count: 1, message: /That key is set already/,
      then: (found) => assert.equal(found[0].fixes, undefined),
    },
    {
      name: 'nothing near: the keys listed, on the key',
      files: withDeploy({ health: { url: '/health' } }), count: 1, message: /Unknown key "health" in the deployment file.*port, user, cloud, memory_mb, probes/,
      then: (found, all) => assert.equal(rangeText(all, found[0]), '"health"'),
    },
  ],
});
