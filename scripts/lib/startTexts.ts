// What `npm start` (scripts/start.ts) tells a newcomer: why it does not set an engine up here, what to install on
// this system and how to point the kit at it, and what to do next. Each text in English and Simplified Chinese.
import { spawnSync } from 'node:child_process';

export type Say = (en: string, zh: string) => string;

const DEFAULT_SOCKET = 'unix:///var/run/docker.sock';

/** What decides whether this machine can set up an engine; the real machine's by default. */
interface Host { platform: NodeJS.Platform; uid: number | undefined; hasApt: () => boolean }

const thisHost: Host = {
  platform: process.platform,
  uid: process.getuid?.(),
  hasApt: () => spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0,
};

/** Why scripts/engine-up.sh cannot run here (not Linux, not root, no apt, another engine named), or undefined. */
export function setupBlocker(say: Say, env: NodeJS.ProcessEnv = process.env, host: Host = thisHost): string | undefined {
  const no = env.MODELARTS_START_NO_SETUP;
  if (no && no !== '0') return say('MODELARTS_START_NO_SETUP is set.', '设置了 MODELARTS_START_NO_SETUP。');
  if (env.DOCKER_HOST && env.DOCKER_HOST !== DEFAULT_SOCKET) {
    return say(`DOCKER_HOST=${env.DOCKER_HOST} names another engine; start that one.`, `DOCKER_HOST=${env.DOCKER_HOST} 指向另一个引擎，请启动该引擎。`);
  }
  if (host.platform !== 'linux') return say(`this is ${host.platform}, not Linux.`, `当前系统是 ${host.platform}，不是 Linux。`);
  if (host.uid !== 0) return say('not running as root.', '当前用户不是 root。');
  if (!host.hasApt()) return say('apt-get is not found.', '找不到 apt-get。');
  return undefined;
}

// engine/connect names where it looked in English; the Chinese words for them.
const SOURCE_ZH: [RegExp, string][] = [
  [/^default socket$/, '默认套接字'], [/^Docker Desktop socket$/, 'Docker Desktop 套接字'], [/^rootless Docker socket$/, '无 root 的 Docker 套接字'],
  [/^Podman socket \(rootless\)$/, 'Podman 套接字（无 root）'], [/^Podman socket$/, 'Podman 套接字'], [/^setting$/, '设置'],
  [/^docker context (.*)$/, 'docker 上下文 $1'],
];

// ...and what it says went wrong with an address (other errors stay as the engine or the system says them).
const ERROR_ZH: [RegExp, string][] = [
  [/^connection refused \(socket present, nothing listening\)$/, '连接被拒绝（套接字存在，但没有进程在监听）'],
  [/^permission denied \(add yourself to the docker group or use sudo\)$/, '没有权限（请把自己加入 docker 组，或使用 sudo）'],
  [/^no such socket$/, '套接字不存在'],
];

const translated = (say: Say, text: string, table: [RegExp, string][]) => say(text, table.reduce((s, [re, to]) => s.replace(re, to), text));

/** Where an engine was looked for, as engine/connect names it, in the reader's language. */
export const sourceText = (say: Say, source: string): string => translated(say, source, SOURCE_ZH);

/** One address engine/connect tried, with what went wrong, in the reader's language. */
export const triedLine = (say: Say, url: string, source: string, error: string): string =>
  say(`  - ${url} (${source}): ${error}`, `  - ${url}（${sourceText(say, source)}）：${translated(say, error, ERROR_ZH)}`);

function linuxHelp(say: Say): string[] {
  return [
    say('- Docker: `sudo apt-get install docker.io` (Fedora: `sudo dnf install moby-engine`), `sudo systemctl start docker`, then ' +
      '`sudo usermod -aG docker $USER` and log in again. As root on Debian/Ubuntu, `npm run engine:up` does all of it and builds the base images.',
    '- Docker：`sudo apt-get install docker.io`（Fedora：`sudo dnf install moby-engine`），`sudo systemctl start docker`，然后 ' +
      '`sudo usermod -aG docker $USER` 并重新登录。在 Debian/Ubuntu 上以 root 运行 `npm run engine:up` 可一次完成，并构建基础镜像。'),
    say('- Podman: `sudo apt-get install podman`, then `podman system service --time=0 unix://$XDG_RUNTIME_DIR/podman/podman.sock &` ' +
      '(or `systemctl --user start podman.socket`); the kit finds that socket by itself.',
    '- Podman：`sudo apt-get install podman`，然后运行 `podman system service --time=0 unix://$XDG_RUNTIME_DIR/podman/podman.sock &`' +
      '（或 `systemctl --user start podman.socket`）；本工具会自动找到该套接字。'),
  ];
}

function macHelp(say: Say): string[] {
  return [
    say('- Docker Desktop for Mac (docs.docker.com/desktop): install it and start it; the kit finds ~/.docker/run/docker.sock.',
      '- Docker Desktop for Mac（docs.docker.com/desktop）：安装并启动；本工具会找到 ~/.docker/run/docker.sock。'),
    say('- Podman: `brew install podman && podman machine init && podman machine start`, then set DOCKER_HOST to the socket ' +
      '`podman machine start` prints (unix://…/podman-machine-default-api.sock).',
    '- Podman：`brew install podman && podman machine init && podman machine start`，然后把 DOCKER_HOST 设为 ' +
      '`podman machine start` 输出的套接字（unix://…/podman-machine-default-api.sock）。'),
  ];
}

function windowsHelp(say: Say): string[] {
  return [
    say('- Docker Desktop for Windows (WSL 2 backend, docs.docker.com/desktop): install and start it, then set ' +
      'DOCKER_HOST=npipe:////./pipe/docker_engine — or run the kit inside WSL 2, where the Linux steps apply.',
    '- Docker Desktop for Windows（WSL 2 后端，docs.docker.com/desktop）：安装并启动，然后设置 ' +
      'DOCKER_HOST=npipe:////./pipe/docker_engine；也可以在 WSL 2 中使用本工具，按 Linux 的步骤操作。'),
    say('- Podman: `podman machine init && podman machine start` (Podman Desktop does the same), then ' +
      'DOCKER_HOST=npipe:////./pipe/podman-machine-default.',
    '- Podman：`podman machine init && podman machine start`（Podman Desktop 同样可以），然后设置 ' +
      'DOCKER_HOST=npipe:////./pipe/podman-machine-default。'),
  ];
}

/** What to install on this system, and the three ways to point the kit at an engine. */
export function installHelp(say: Say, platform: NodeJS.Platform = process.platform): string {
  const per = platform === 'darwin' ? macHelp(say) : platform === 'win32' ? windowsHelp(say) : linuxHelp(say);
  return [
    '', say('Install a container engine, one of:', '请安装一个容器引擎（任选其一）：'), ...per, '',
    say('Point the kit at an engine that is not found by itself:', '若本工具找不到引擎，可以这样指定：'),
    say('- DOCKER_HOST=unix:///path/to/docker.sock, tcp://HOST:2376 (with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH) or ssh://USER@HOST',
      '- DOCKER_HOST=unix:///path/to/docker.sock、tcp://HOST:2376（配合 DOCKER_TLS_VERIFY=1 与 DOCKER_CERT_PATH）或 ssh://USER@HOST'),
    say('- in VS Code, the user setting `modelarts.dockerHost` (same forms); on the CLI, `--host URL`',
      '- 在 VS Code 中使用用户设置 `modelarts.dockerHost`（写法相同）；命令行使用 `--host URL`'),
    say('- a docker context: `docker context use NAME` (the kit reads the current context as the docker CLI does)',
      '- docker 上下文：`docker context use NAME`（本工具与 docker CLI 一样读取当前上下文）'),
    say('Then run `npm start` again.', '然后重新运行 `npm start`。'),
  ].join('\n');
}

/** The end of every `npm start`: the editor, the extension, the two commands people use most, `npm run try`. */
export function nextSteps(say: Say, green: boolean): string {
  return [
    '', `== ${say('Next', '下一步')} ==`,
    ...(green ? [say('examples/online passed every check: this machine is ready.', 'examples/online 通过了全部检查：本机已就绪。')] : []),
    say('- Open this folder in VS Code: `code .` (the model folders are under examples/)', '- 用 VS Code 打开本目录：`code .`（模型目录在 examples/ 下）'),
    say('- Install the extension: `npm run package`, then `code --install-extension modelarts-image-kit.vsix`',
      '- 安装扩展：`npm run package`，然后 `code --install-extension modelarts-image-kit.vsix`'),
    say('- The two commands people use most:', '- 最常用的两个命令：'),
    say('    "ModelArts: Build and Test" (command palette, or ▷ in a config.json or Dockerfile); CLI: `npx modelarts-image test FOLDER`',
      '    "ModelArts: 构建并测试"（命令面板，或 config.json、Dockerfile 标题栏中的 ▷）；命令行：`npx modelarts-image test FOLDER`'),
    say('    Check: problems appear in the editor as you type; CLI: `npx modelarts-image check PATH`',
      '    检查：在编辑器中边输入边显示问题；命令行：`npx modelarts-image check PATH`'),
    say('- `npm run try`: the extension in a real VS Code in your browser, on examples/, without touching your own VS Code',
      '- `npm run try`：在浏览器中的真实 VS Code 里打开 examples/ 并加载本扩展，不影响你自己的 VS Code'),
  ].join('\n');
}
