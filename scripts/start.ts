// `npm start`, a newcomer's first command: the static check of examples/, then an engine found the way the CLI finds
// one (engine/connect), set up where this machine allows it (Linux, root, apt: scripts/engine-up.sh), then the
// conformance test of examples/online. Where no engine can be had it says what to install and exits 3.
// Always ends with what to do next. MODELARTS_START_NO_SETUP=1 forbids the set-up (as if not root).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { connectEngine, EngineUnavailableError, type Engine } from '../engine/connect';
import { L, pick } from '../core/i18n';
import { parseLang } from '../cli/options';
// @ts-expect-error: a plain .mjs build script, no type declarations
import { staleReason } from './lib/bundle-fresh.mjs';
import { installHelp, nextSteps, setupBlocker, sourceText, triedLine, type Say } from './lib/startTexts';

const root = path.join(__dirname, '..');
const lang = parseLang(undefined);
const say: Say = (en, zh) => pick(L(en, zh), lang);
const out = (text: string) => process.stdout.write(text + '\n');
const heading = (en: string, zh: string) => out(`\n== ${say(en, zh)} ==`);

/** Runs a command of this repository with the terminal attached; its exit status. */
function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  return r.status ?? 1;
}

const cli = (...args: string[]) => run(process.execPath, [path.join(root, 'dist', 'cli.js'), ...args]);

/** The engine, or the error that lists every address tried. */
async function findEngine(): Promise<Engine | EngineUnavailableError> {
  try {
    return await connectEngine();
  } catch (e) {
    if (e instanceof EngineUnavailableError) return e;
    throw e;
  }
}

/** The first FROM of examples/online/Dockerfile: the one image the test needs before it builds. */
function baseImage(): string | undefined {
  const text = fs.readFileSync(path.join(root, 'examples', 'online', 'Dockerfile'), 'utf8');
  return /^\s*FROM\s+(\S+)/im.exec(text)?.[1];
}

async function hasImage(engine: Engine, tag: string): Promise<boolean> {
  return engine.docker.getImage(tag).inspect().then(() => true, () => false);
}

function tellTried(missing: EngineUnavailableError): void {
  out(say('No container engine answers. Tried:', '没有容器引擎响应。已尝试：'));
  for (const t of missing.tried) out(triedLine(say, t.endpoint.url, t.endpoint.source, t.error));
}

/** No engine answers: set one up when allowed, else say what to install. The engine, or undefined. */
async function engineOrSetUp(missing: EngineUnavailableError): Promise<Engine | undefined> {
  tellTried(missing);
  const blocker = setupBlocker(say);
  if (blocker) {
    out(say('Not setting one up here: ', '此处不自动安装：') + blocker);
    out(installHelp(say));
    return undefined;
  }
  out(say(
    'Setting up a Docker engine (scripts/engine-up.sh, as `npm run engine:up`): install Debian\'s docker.io with apt, start dockerd ' +
      '(log: /var/log/dockerd.log), then build the base images the examples use (python:3.11-slim, busybox) from Debian packages, ' +
      'so no registry has to be reachable. The first time takes a few minutes.',
    '正在安装 Docker 引擎（scripts/engine-up.sh，同 `npm run engine:up`）：用 apt 安装 Debian 的 docker.io，启动 dockerd' +
      '（日志：/var/log/dockerd.log），再用 Debian 软件包在本地构建示例所用的基础镜像（python:3.11-slim、busybox），' +
      '无需访问任何镜像仓库。首次需要几分钟。',
  ));
  if (run('bash', [path.join(root, 'scripts', 'engine-up.sh')]) !== 0) {
    out(say('The set-up failed (its last lines are above).', '安装失败（最后几行输出见上）。'));
    out(installHelp(say));
    return undefined;
  }
  const again = await findEngine();
  if (!(again instanceof EngineUnavailableError)) return again;
  tellTried(again);
  out(installHelp(say));
  return undefined;
}

/** The engine answers but lacks the examples' base image: make it locally when allowed, else the build pulls it. */
async function ensureBaseImage(engine: Engine): Promise<void> {
  const tag = baseImage();
  if (!tag || (await hasImage(engine, tag))) return;
  if (setupBlocker(say)) {
    out(say(`${tag} is not on the engine: the build pulls it from its registry.`, `引擎上没有 ${tag}：构建时将从镜像仓库拉取。`));
    return;
  }
  out(say(
    `${tag} is not on the engine: building it locally from Debian packages (scripts/engine-up.sh images), no registry needed.`,
    `引擎上没有 ${tag}：正在用 Debian 软件包在本地构建（scripts/engine-up.sh images），无需访问镜像仓库。`,
  ));
  run('bash', [path.join(root, 'scripts', 'engine-up.sh'), 'images']);
}

async function main(): Promise<number> {
  const stale = staleReason(root);
  if (stale) {
    out(say(`Building dist/ (${stale}): npm run build`, `正在构建 dist/（${stale}）：npm run build`));
    if (run('npm', ['run', '-s', 'build']) !== 0) return 1;
  }
  heading('1/3 Static check of examples/ (modelarts-image check examples)', '1/3 静态检查 examples/（modelarts-image check examples）');
  const checked = cli('check', 'examples');
  heading('2/3 Container engine', '2/3 容器引擎');
  const found = await findEngine();
  const engine = found instanceof EngineUnavailableError ? await engineOrSetUp(found) : found;
  if (!engine) {
    out(nextSteps(say, false));
    return 3;
  }
  const source = sourceText(say, engine.endpoint.source);
  out(say(`Engine: ${engine.endpoint.url} (${source}), version ${engine.version}`, `引擎：${engine.endpoint.url}（${source}），版本 ${engine.version}`));
  await ensureBaseImage(engine);
  engine.close();
  heading('3/3 Build, run and test examples/online (modelarts-image test examples/online)',
    '3/3 构建、运行并测试 examples/online（modelarts-image test examples/online）');
  const tested = cli('test', path.join('examples', 'online'));
  out(nextSteps(say, tested === 0));
  return tested || checked;
}

main().then((code) => (process.exitCode = code), (e) => {
  process.stderr.write(`npm start: ${(e as Error).stack ?? e}\n`);
  process.exitCode = 1;
});
