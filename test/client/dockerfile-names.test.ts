// One decision on Dockerfile names: the server/CLI function, the globs the extension watches and selects with,
// and the regex of package.json's menu `when` clauses agree on every name (docker build's lower-case
// `dockerfile` included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { DOCKERFILE_GLOBS, isDockerfileName } from '../../core/folders';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const YES = ['Dockerfile', 'dockerfile', 'Containerfile', 'Dockerfile.gpu', 'Containerfile.cpu', 'serve.Dockerfile', 'serve.dockerfile'];
const NO = ['config.json.bak', 'Dockerfiles', 'DOCKERFILE', 'dockerfile.txt', 'my-dockerfile', 'docker-compose.yml', 'Makefile', '.dockerfile'];

test('isDockerfileName: every name docker build or -f users use, nothing else', () => {
  for (const n of YES) assert.ok(isDockerfileName(n), n);
  for (const n of NO) assert.ok(!isDockerfileName(n), n);
});

test('the watcher / document-selector globs match the same names', () => {
  const m = picomatch(DOCKERFILE_GLOBS, { dot: false });
  for (const n of YES) assert.ok(m(n), n);
  for (const n of NO) assert.ok(!m(n), n);
});

test('package.json menus: every when clause that names files uses the shared regex (config.json + Dockerfile names)', () => {
  const whens: string[] = Object.values(pkg.contributes.menus as Record<string, { when?: string }[]>).flat().map((i) => i.when ?? '');
  const naming = whens.filter((w) => w.includes('resourceFilename'));
  assert.ok(naming.length >= 7, String(naming.length));
  for (const w of naming) {
    assert.ok(!/resourceFilename ==/.test(w), `exact-name test left in: ${w}`);
    const m = /resourceFilename =~ \/(.+?)\/ /.exec(w);
    assert.ok(m, w);
    const re = new RegExp(m![1]);
    for (const n of YES) assert.ok(re.test(n), `${n} in ${w}`);
    for (const n of NO) assert.ok(!re.test(n), `${n} in ${w}`);
    assert.ok(re.test('config.json') && !re.test('xconfig.json'));
  }
});
