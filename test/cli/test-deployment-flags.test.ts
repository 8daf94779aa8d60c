// `modelarts-image test` flags of the deployment (--user, --memory, --cloud): bad values are usage errors (exit 2)
// before any engine is reached, and the help names them.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { tempFolder, removeFolder } from '../helpers/tmp';

const cli = path.resolve(__dirname, '../../cli/main.ts');
const run = (args: string[]) => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], { encoding: 'utf8', env: { ...process.env, LANG: 'C', DOCKER_HOST: 'tcp://127.0.0.1:1' } });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const dir = tempFolder({ Dockerfile: 'FROM busybox\n', 'config.json': '{"model_type": "Image", "model_algorithm": "x"}\n' });
after(() => removeFolder(dir));

for (const [flag, value, says] of [
  ['--user', 'ma user', /--user expects UID\[:GID\] \(e\.g\. 1000:100\), not "ma user"/],
  ['--memory', 'lots', /--memory expects a size of at least 6m \(e\.g\. 512m, 4g\), not "lots"/],
  ['--memory', '1m', /at least 6m/],
  ['--cloud', 'aws', /--cloud must be huaweicloud or otc, not "aws"/],
] as const) {
  test(`test ${flag} ${value}: a usage error, exit 2`, () => {
    const r = run(['test', dir, flag, value]);
    assert.equal(r.code, 2, r.err + r.out);
    assert.match(r.err, says);
  });
}

test('test --help names --user, --memory and --cloud with their defaults', () => {
  const r = run(['test', '--help']);
  assert.equal(r.code, 0);
  assert.match(r.out, /--user UID\[:GID\] +run the container as this user \(default under current: 1000:100, ma-user/);
  assert.match(r.out, /--memory SIZE +memory limit of the container, e\.g\. 512m, 4g/);
  assert.match(r.out, /--cloud huaweicloud\|otc +where ModelArts runs: .*Open Telekom Cloud \(30 GB images\)/);
  assert.match(r.out, /--request-timeout S +give up on a request after S seconds \(default 60/);
});
