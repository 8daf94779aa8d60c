// `npm start` on a machine where no engine answers and the set-up is not allowed (MODELARTS_START_NO_SETUP stands in
// for "not root"): the static check still runs, the install instructions and next steps are printed, exit 3, and
// nothing is created (no file in the repository, none in HOME).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';

const pkg = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
const home = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-start-home-'));
after(() => fs.rmSync(home, { recursive: true, force: true }));

/** The repository's files as git sees them, but the caches other tests write while this one runs (registry, code-server). */
const gitStatus = () => spawnSync('git', ['status', '--porcelain', '--ignored', '--untracked-files=all'],
  { cwd: repoRoot, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 }).stdout // node_modules alone lists over 1 MB (spawnSync's default cut)
  .split('\n').filter((l) => !/^!! (\.cache|\.code-server|test\/e2e\/artifacts)\//.test(l)).join('\n');

/** package.json's "start" command, run as npm runs it but without npm's own cache files in HOME. */
function npmStart(lang: string) {
  const [cmd, ...args] = pkg.scripts.start.split(' ');
  assert.equal(cmd, 'node');
  const env = {
    ...process.env, HOME: home, XDG_CACHE_HOME: path.join(home, '.cache'), XDG_RUNTIME_DIR: path.join(home, 'run'),
    DOCKER_HOST: `unix://${path.join(home, 'dead.sock')}`, MODELARTS_START_NO_SETUP: '1', LANG: lang, LC_ALL: '', LC_MESSAGES: '',
    DOCKER_CONTEXT: '', DOCKER_CONFIG: '',
  };
  const r = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', env });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

test('npm start with no engine and no set-up allowed: static results, what to install, next steps, exit 3, nothing created', () => {
  const before = gitStatus();
  const r = npmStart('en_US.UTF-8');
  assert.equal(r.code, 3, r.err);
  // The static check ran and its summary is printed before the engine part.
  const staticAt = r.out.indexOf('2 model folders checked: 0 errors, 0 warnings, 0 notes.');
  assert.ok(staticAt > 0 && staticAt < r.out.indexOf('Container engine'), r.out);
  assert.match(r.out, /No container engine answers\. Tried:\n {2}- unix:\/\/.*dead\.sock \(DOCKER_HOST\)/);
  assert.match(r.out, /Not setting one up here: MODELARTS_START_NO_SETUP is set\./);
  for (const want of ['docker.io', 'podman system service', 'DOCKER_HOST=unix://', '`modelarts.dockerHost`', '`docker context use NAME`']) {
    assert.ok(r.out.includes(want), `install help lacks ${want}`);
  }
  assert.doesNotMatch(r.out, /\[engine-up\]|\[base-images\]|conformance test/, 'neither the set-up nor the test ran');
  // The next steps come last.
  const next = r.out.slice(r.out.indexOf('== Next =='));
  for (const want of ['`code .`', '`npm run package`', '`code --install-extension modelarts-image-kit.vsix`', 'Build and Test',
    '`npx modelarts-image check PATH`', '`npm run try`']) assert.ok(next.includes(want), `next steps lack ${want}`);
  assert.equal(gitStatus(), before, 'npm start created or changed a file in the repository');
  assert.deepEqual(fs.readdirSync(home), [], 'npm start wrote into HOME');
});

test('npm start speaks Chinese under a zh_CN locale, static check included', () => {
  const r = npmStart('zh_CN.UTF-8');
  assert.equal(r.code, 3, r.err);
  for (const want of ['静态检查 examples/', '已检查 2 个模型目录', '没有容器引擎响应。已尝试：', 'dead.sock（DOCKER_HOST）：套接字不存在', '此处不自动安装：设置了 MODELARTS_START_NO_SETUP。',
    '请安装一个容器引擎', '== 下一步 ==', '安装扩展：`npm run package`', '"ModelArts: 构建并测试"', '`npm run try`']) {
    assert.ok(r.out.includes(want), `lacks ${want}\n${r.out}`);
  }
  assert.doesNotMatch(r.out, /Install a container engine|Next|Open this folder/);
});

test('npm start as a user who is not root: the default sockets are tried, the set-up is refused for that, exit 3', (t) => {
  if (process.getuid?.() !== 0 || spawnSync('sh', ['-c', 'command -v setpriv'], { stdio: 'ignore' }).status !== 0) {
    return t.skip('needs root and setpriv to become nobody');
  }
  const asNobody = ['--reuid=65534', '--regid=65534', '--clear-groups'];
  if (spawnSync('setpriv', [...asNobody, 'test', '-r', path.join(repoRoot, 'node_modules', 'tsx', 'package.json')]).status !== 0) {
    return t.skip('the checkout is not readable by nobody (a private directory such as mktemp -d makes)');
  }
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'npm-start-nobody-'));
  fs.chmodSync(tmp, 0o777);
  try {
    const [, ...args] = pkg.scripts.start.split(' ');
    // No DOCKER_HOST and no MODELARTS_START_NO_SETUP: only not being root stands in the way.
    const env = { PATH: process.env.PATH, HOME: tmp, TMPDIR: tmp, XDG_RUNTIME_DIR: tmp, LANG: 'en_US.UTF-8' };
    const r = spawnSync('setpriv', [...asNobody, process.execPath, ...args],
      { cwd: repoRoot, encoding: 'utf8', env });
    assert.equal(r.status, 3, r.stdout + r.stderr);
    assert.ok(r.stdout.includes('2 model folders checked: 0 errors'), r.stdout);
    assert.match(r.stdout, /Tried:\n {2}- unix:\/\/\/var\/run\/docker\.sock \(default socket\): /);
    assert.match(r.stdout, /Not setting one up here: not running as root\./);
    assert.match(r.stdout, /usermod -aG docker/);
    assert.ok(r.stdout.includes('== Next =='));
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
});
