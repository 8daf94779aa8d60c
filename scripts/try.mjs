// `npm run try`: the packaged extension in a real VS Code in the browser (code-server, started as the e2e suite
// starts it: scripts/lib/codeServer.mjs) on examples/. Loopback only, a free port, a password made for this run
// (printed once; code-server reads it from its environment). Runs until Ctrl-C, then stops code-server and removes
// its temp folder. Packages the .vsix when it is missing or stale; installs code-server when .code-server/ lacks it.
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { L, pick } from '../core/i18n.ts';
import { parseLang } from '../cli/options.ts';
import { vsixStaleReason } from './lib/bundle-fresh.mjs';
import { CodeServer } from './lib/codeServer.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const lang = parseLang(undefined);
const say = (en, zh) => pick(L(en, zh), lang);
const out = (text) => process.stdout.write(text + '\n');
const CODE_SERVER = process.env.CODE_SERVER || path.join(repo, '.code-server/node_modules/.bin/code-server');
const VSIX = path.join(repo, 'modelarts-image-kit.vsix');
// A browser session, not a test run: no telemetry, updates or marketplace; the welcome page shows the walkthrough.
const SETTINGS = {
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoCheckUpdates': false, 'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true, 'workbench.enableExperiments': false, 'json.schemaDownload.enable': false,
  'npm.fetchOnlinePackageInfo': false, 'typescript.disableAutomaticTypeAcquisition': true, 'chat.disableAIFeatures': true,
};

const run = (cmd, args, env = {}) => spawnSync(cmd, args, { cwd: repo, stdio: 'inherit', env: { ...process.env, ...env } }).status;

function ensureCodeServer() {
  if (fs.existsSync(CODE_SERVER)) return true;
  out(say('code-server is not installed: installing it into .code-server/ from npm (scripts/e2e-setup.sh; a few minutes the first time).',
    'code-server 尚未安装：正在从 npm 安装到 .code-server/（scripts/e2e-setup.sh；首次需要几分钟）。'));
  return run('bash', [path.join(repo, 'scripts', 'e2e-setup.sh')], { CS_ONLY: '1' }) === 0 && fs.existsSync(CODE_SERVER);
}

function ensureVsix() {
  const why = vsixStaleReason(VSIX, repo);
  if (!why) return true;
  out(say(`Packaging the extension (${why}): npm run package`, `正在打包扩展（${why}）：npm run package`));
  const r = spawnSync('npm', ['run', '-s', 'package'], { cwd: repo, encoding: 'utf8' });
  if (r.status !== 0) process.stderr.write(r.stdout + r.stderr);
  return r.status === 0;
}

// Ctrl-C (or SIGTERM) at any time, also while installing or starting: code-server runs in its own process group,
// so it is stopped by the cleanup below, never left behind.
let stopping = false;
const signalled = new Promise((resolve) => {
  const stop = () => { stopping = true; resolve(0); };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
});

/** Resolves with 0 on Ctrl-C, or with 1 when code-server exits by itself. */
function untilStopped(cs) {
  const exited = new Promise((resolve) => cs.proc.once('exit', (code) => {
    if (stopping) return;
    out(say(`code-server exited (${code}); its log: ${cs.logFile}`, `code-server 已退出（${code}）；日志：${cs.logFile}`));
    resolve(1);
  }));
  return Promise.race([signalled, exited]);
}

async function main() {
  if (!ensureCodeServer() || !ensureVsix()) return 1;
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'modelarts-try-'));
  const settingsFile = path.join(root, 'settings.json');
  fs.writeFileSync(settingsFile, JSON.stringify(SETTINGS, null, 2));
  const cs = new CodeServer({ bin: CODE_SERVER, root, settingsFile });
  try {
    out(say('Installing modelarts-image-kit.vsix into code-server ...', '正在将 modelarts-image-kit.vsix 安装到 code-server ...'));
    await cs.installExtension(VSIX);
    const password = randomBytes(18).toString('base64url');
    const url = await cs.start(path.join(repo, 'examples'), { password });
    out([
      '', say('VS Code with the extension, on examples/:', '已加载本扩展的 VS Code，打开的是 examples/：'), `  URL:      ${url}`,
      say(`  password: ${password}   (made for this run; shown only here)`, `  密码：    ${password}   （本次运行生成；只在此处显示）`),
      say(`  code-server's files (removed when it stops): ${root}`, `  code-server 的文件（停止时删除）：${root}`),
      say(`From another machine: \`ssh -L ${cs.port}:127.0.0.1:${cs.port} ${os.hostname()}\`, then open the same URL there.`,
        `从另一台机器访问：\`ssh -L ${cs.port}:127.0.0.1:${cs.port} ${os.hostname()}\`，然后在那台机器上打开同一个 URL。`),
      say('Open a config.json or Dockerfile to see the checks; "ModelArts: Build and Test" runs the image. Ctrl-C stops it.',
        '打开 config.json 或 Dockerfile 即可看到检查结果；"ModelArts: 构建并测试"会运行镜像。按 Ctrl-C 停止。'),
    ].join('\n'));
    return await untilStopped(cs);
  } finally {
    await cs.stop();
    fs.rmSync(root, { recursive: true, force: true });
    out(say('code-server stopped and its files removed.', 'code-server 已停止，其文件已删除。'));
  }
}

main().then((code) => process.exit(code), (e) => {
  console.error(`npm run try: ${e.stack ?? e}`);
  process.exit(1);
});
