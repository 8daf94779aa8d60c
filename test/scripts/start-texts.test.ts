// What `npm start` decides and says without running anything: when it may set an engine up (Linux, root, apt, no
// other engine named, not forbidden), what it tells each system to install, and how it names where it looked.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { installHelp, nextSteps, setupBlocker, sourceText, triedLine, type Say } from '../../scripts/lib/startTexts';

const en: Say = (e) => e;
const zh: Say = (_, z) => z;
const linuxRoot = { platform: 'linux' as const, uid: 0, hasApt: () => true };

test('the set-up runs only on Linux, as root, with apt, with no other engine named and nothing forbidding it', () => {
  assert.equal(setupBlocker(en, {}, linuxRoot), undefined);
  assert.equal(setupBlocker(en, { DOCKER_HOST: 'unix:///var/run/docker.sock' }, linuxRoot), undefined, 'the socket dockerd makes is ours to start');
  assert.equal(setupBlocker(en, { MODELARTS_START_NO_SETUP: '0' }, linuxRoot), undefined);
  assert.equal(setupBlocker(en, { MODELARTS_START_NO_SETUP: '1' }, linuxRoot), 'MODELARTS_START_NO_SETUP is set.');
  assert.equal(setupBlocker(en, { DOCKER_HOST: 'tcp://build:2376' }, linuxRoot), 'DOCKER_HOST=tcp://build:2376 names another engine; start that one.');
  assert.equal(setupBlocker(en, {}, { ...linuxRoot, platform: 'darwin' }), 'this is darwin, not Linux.');
  assert.equal(setupBlocker(en, {}, { ...linuxRoot, uid: 1000 }), 'not running as root.');
  assert.equal(setupBlocker(zh, {}, { ...linuxRoot, uid: 1000 }), '当前用户不是 root。');
  assert.equal(setupBlocker(en, {}, { ...linuxRoot, hasApt: () => false }), 'apt-get is not found.');
});

test('each system is told what to install, and every system how to point the kit at an engine', () => {
  const per: [NodeJS.Platform, string[]][] = [
    ['linux', ['sudo apt-get install docker.io', 'usermod -aG docker', 'npm run engine:up', 'podman system service']],
    ['darwin', ['Docker Desktop for Mac', 'brew install podman', 'podman machine start']],
    ['win32', ['Docker Desktop for Windows', 'WSL 2', 'DOCKER_HOST=npipe:////./pipe/docker_engine', 'podman machine init']],
  ];
  for (const [platform, wants] of per) {
    const text = installHelp(en, platform);
    for (const w of [...wants, 'DOCKER_HOST=unix://', '`modelarts.dockerHost`', '`docker context use NAME`', '`--host URL`']) {
      assert.ok(text.includes(w), `${platform}: ${w}`);
    }
  }
  assert.ok(!installHelp(en, 'darwin').includes('apt-get'), 'no apt on a Mac');
  assert.ok(installHelp(zh, 'linux').includes('请安装一个容器引擎'));
});

test('the next steps say when the machine is ready, and name the editor, the .vsix, both commands and npm run try', () => {
  assert.match(nextSteps(en, true), /^\n== Next ==\nexamples\/online passed every check/);
  assert.doesNotMatch(nextSteps(en, false), /passed every check/);
  const wants = ['`code .`', '`npm run package`', '`code --install-extension modelarts-image-kit.vsix`', 'Build and Test',
    'modelarts-image check', '`npm run try`'];
  for (const w of wants) {
    assert.ok(nextSteps(en, false).includes(w), w);
  }
  assert.match(nextSteps(zh, true), /== 下一步 ==\nexamples\/online 通过了全部检查/);
});

test('where the engine was looked for reads in Chinese too', () => {
  assert.equal(sourceText(zh, 'default socket'), '默认套接字');
  assert.equal(sourceText(zh, 'Podman socket (rootless)'), 'Podman 套接字（无 root）');
  assert.equal(sourceText(zh, 'docker context "remote"'), 'docker 上下文 "remote"');
  assert.equal(sourceText(zh, 'DOCKER_HOST'), 'DOCKER_HOST');
  assert.equal(sourceText(en, 'default socket'), 'default socket');
  assert.equal(triedLine(zh, 'unix:///var/run/docker.sock', 'default socket', 'no such socket'), '  - unix:///var/run/docker.sock（默认套接字）：套接字不存在');
  assert.equal(triedLine(zh, 'unix:///x.sock', 'DOCKER_HOST', 'timeout: no answer'), '  - unix:///x.sock（DOCKER_HOST）：timeout: no answer');
  assert.equal(triedLine(en, 'unix:///x.sock', 'DOCKER_HOST', 'no such socket'), '  - unix:///x.sock (DOCKER_HOST): no such socket');
});
