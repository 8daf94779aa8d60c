// MA121: A deployment file value the console refuses: one finding per bad value, on the value, with its allowed range.
import assert from 'node:assert/strict';
import { ruleTester, rangeText, deployCodes } from '../helpers/ruleTester';
import { GOOD, online } from '../helpers/folders';

const D = 'modelarts-deploy.json';
const withDeploy = (v: unknown) => online(GOOD, { [D]: typeof v === 'string' ? v : JSON.stringify(v, null, 2) });
const probe = (p: Record<string, unknown>) => withDeploy({ probes: { readiness: { check_method: 'HTTP', url: '/health', ...p } } });

ruleTester('MA121', {
  valid: [
    {
      name: 'every key, numbers and numeric strings',
      files: withDeploy({
        $schema: './deploy.schema.json', port: 8080, user: '1000:100', cloud: 'otc', memory_mb: 4096,
        probes: {
          startup: {
            check_method: 'HTTP', url: '/health', protocol: 'http', initial_delay_seconds: 0, period_seconds: '5', timeout_seconds: 3, failure_threshold: '12',
          },
          readiness: { check_method: 'EXEC', command: '/home/ma-user/health.sh --ready' },
          liveness: { url: '/v1/models:status' },
        },
      }),
      alone: true,
    },
    { name: 'an EXEC probe without command takes the default /home/ma-user/health.sh', files: probe({ check_method: 'EXEC', url: undefined }) },
    { name: 'a user name', files: withDeploy({ user: 'ma-user' }) },
  ],
  invalid: [
    { name: 'port 0', files: withDeploy({ port: 0 }), count: 1, severity: 'error', message: /port is 0: .*from 1 to 65535/ },
    { name: 'port 70000', files: withDeploy({ port: 70000 }), count: 1, message: /1 to 65535/ },
    { name: 'port 8080.5', files: withDeploy({ port: 8080.5 }), count: 1, message: /whole number/ },
    { name: 'port "9000" in quotes: unquoted by the fix', files: withDeploy({ port: '9000' }), firstFix: true, fixed: true,
      whenFixed: (f) => assert.match(f[D], /"port": 9000\b/) },
    {
      name: 'period_seconds 0 and timeout_seconds "0": clamped to 1, keeping how they are written',
      files: probe({ period_seconds: 0, timeout_seconds: '0' }), count: 2, message: /whole number ≥ 1/, fixed: true,
      whenFixed: (f) => { assert.match(f[D], /"period_seconds": 1\b/); assert.match(f[D], /"timeout_seconds": "1"/); },
    },
    { name: 'a negative delay: raised to 0', files: probe({ initial_delay_seconds: -5 }), count: 1, message: /≥ 0/, fixed: true },
    { name: 'failure_threshold a word', files: probe({ failure_threshold: 'many' }), count: 1, message: /failure_threshold is "many"/ },
    { name: 'a url without its slash: prefixed', files: probe({ url: 'health' }), count: 1, message: /starts with \//, fixed: true,
      whenFixed: (f) => assert.match(f[D], /"url": "\/health"/) },
    { name: 'a url with a query: the console\'s charset', files: probe({ url: '/health?full=1' }), count: 1,
      message: /letters, digits, - _ \/ : only \(not \? =\)/ },
    { name: 'check_method "http": the casing fixed', files: probe({ check_method: 'http' }), count: 1, message: /"HTTP".*"EXEC"/, fixed: true,
      whenFixed: (f) => assert.match(f[D], /"check_method": "HTTP"/) },
    { name: 'an unknown check_method', files: probe({ check_method: 'TCP' }), count: 1, message: /"HTTP" \(call url\) or "EXEC"/ },
    {
      name: 'an EXEC command with a pipe and quotes: the characters named',
      files: probe({ check_method: 'EXEC', command: 'curl -s localhost:8080/health | grep "ok"' }), count: 1,
      message: /contains \| ": the console refuses .* without a shell/,
      then: (found, all) => assert.equal(rangeText(all, found[0]), '"curl -s localhost:8080/health | grep \\"ok\\""'),
    },
    { name: 'an empty EXEC command', files: probe({ check_method: 'EXEC', command: '  ' }), count: 1, message: /is empty: an EXEC probe/ },
    { name: 'a command over 1024 characters', files: probe({ check_method: 'EXEC', command: '/bin/true ' + 'x'.repeat(1100) }), count: 1,
      message: /at most 1024/ },
    { name: 'protocol "HTTPS": lower-cased', files: probe({ protocol: 'HTTPS' }), count: 1, fixed: true },
    { name: 'cloud "OTC": lower-cased', files: withDeploy({ cloud: 'OTC' }), count: 1, message: /"huaweicloud".*"otc"/, fixed: true },
    { name: 'memory_mb 2', files: withDeploy({ memory_mb: 2 }), count: 1, message: /at least 4/ },
    { name: 'a user with a space', files: withDeploy({ user: 'ma user' }), count: 1, message: /uid\[:gid\]/ },
    { name: 'probes a list', files: withDeploy({ probes: [{ url: '/health' }] }), count: 1, message: /probes must be an object/ },
    { name: 'a probe a string', files: withDeploy({ probes: { liveness: '/health' } }), count: 1, message: /probes\.liveness must be an object/ },
    {
      name: 'three bad values: three findings, each on its value, in a file with comments',
      files: withDeploy('{\n  // console settings\n  "port": -1,\n  "probes": { "startup": { "period_seconds": 0, "url": "x y" } },\n}\n'),
      count: 3,
      then: (found, all) => {
        assert.deepEqual(found.map((f) => rangeText(all, f)), ['-1', '0', '"x y"']);
        assert.deepEqual(deployCodes(all), ['MA121', 'MA121', 'MA121']);
      },
    },
  ],
});
