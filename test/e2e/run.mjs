// End-to-end: the packaged extension in a real VS Code (code-server 4.100.3) driven by headless Debian Chromium.
// Prepare the machine once with `bash scripts/e2e-setup.sh`; needs a Docker engine with the base images
// (`npm run engine:up`) and, for the remote session, root and Debian openssh-server. Usage: npm run test:e2e        Exit 0 = every step passed.
//   E2E_SKIP_PACKAGE=1  reuse modelarts-image-kit.vsix     E2E_KEEP=1  keep the temp root (logs, workspace)
//   E2E_ONLY=<substring> run only the steps whose name contains it (the steps before it still run when needed)
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeServer } from '../../scripts/lib/codeServer.mjs';
import { REPORT_KEY, Workbench } from './lib/workbench.mjs';
import { makeWorkspace } from './lib/workspace.mjs';
import { checkVsix } from './lib/vsix.mjs';
import { tsImport } from 'tsx/esm/api';
import { containersOfRun, remoteScenarios, scenarios, untrustedScenarios, zhScenarios } from './scenarios.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const env = (k, d) => process.env[k] || d;
const CODE_SERVER = env('CODE_SERVER', path.join(repo, '.code-server/node_modules/.bin/code-server'));
const CHROMIUM = env('CHROMIUM', fs.existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : '/usr/lib/chromium/chromium');
const VSIX = path.join(repo, 'modelarts-image-kit.vsix');
const SHOTS = path.join(here, 'artifacts');
const TIMEOUT = Number(env('E2E_STEP_TIMEOUT_MS', '60000'));
// Build and Test waits for a real image build and container start: a step gets more time than a gesture.
const RUN_TIMEOUT = Number(env('E2E_RUN_TIMEOUT_MS', '300000'));

const T0 = Date.now();
const secs = () => ((Date.now() - T0) / 1000).toFixed(1);
const log = (m) => console.log(`[${secs()}s] ${m}`);

for (const [what, p] of [['code-server (run scripts/e2e-setup.sh)', CODE_SERVER], ['chromium (run scripts/e2e-setup.sh)', CHROMIUM]]) {
  if (!fs.existsSync(p)) { console.error(`e2e: ${what} not found at ${p}`); process.exit(2); }
}

if (!process.env.E2E_SKIP_PACKAGE) {
  log('npm run package');
  const r = spawnSync('npm', ['run', '-s', 'package'], { cwd: repo, stdio: 'inherit' });
  if (r.status !== 0) { console.error('e2e: npm run package failed'); process.exit(1); }
}
const entries = checkVsix(VSIX);
log(`.vsix ${(fs.statSync(VSIX).size / 1024).toFixed(0)} KiB, ${entries.length} entries: dist, docs, schemas, snippets, media, nls all present`);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'modelarts-e2e-'));
fs.rmSync(SHOTS, { recursive: true, force: true });
const results = [];
const shots = [];
const RUN_ID = path.basename(root);
const only = process.env.E2E_ONLY;

/** The test registry scripts/registry-up.sh started (address, user, password, CA), if any. */
function registryState() {
  const file = path.join(repo, '.cache', 'registry', 'state.json');
  return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
}

/**
 * The test-only language pack (test/e2e/langpack-zh-cn: a `localizations` contribution, no translations) as a
 * .vsix: with it installed and `--locale zh-cn`, VS Code's display language, and so `vscode.env.language`, is zh-cn.
 */
function languagePack() {
  const out = path.join(root, 'langpack-zh-cn.vsix');
  const r = spawnSync(path.join(repo, 'node_modules/.bin/vsce'), ['package', '--skip-license', '--allow-missing-repository', '-o', out],
    { cwd: path.join(here, 'langpack-zh-cn'), encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`packing the language pack failed:\n${r.stdout}${r.stderr}`);
  return out;
}

/** One code-server + browser session on a fresh workspace, running its steps in order (they build on each other). */
async function session(name, { trust, steps, locale, machineSettings, env: extraEnv = {} }) {
  const dir = path.join(root, name);
  const wsDir = path.join(dir, 'workspace');
  fs.mkdirSync(wsDir, { recursive: true });
  const ws = makeWorkspace(repo, wsDir);
  const reportFile = path.join(dir, 'report.json');
  const settingsFile = path.join(dir, 'settings.json');
  const settings = JSON.parse(fs.readFileSync(path.join(here, 'settings.json'), 'utf8'));
  // Restricted mode without the startup dialog: what a person gets after choosing "Don't trust".
  // Every container this run starts carries this variable: leftovers are found (and removed) by it alone.
  settings['modelarts.container.env'] = { E2E_RUN_ID: RUN_ID };
  if (trust) Object.assign(settings,
    { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' });
  fs.writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  const cs = new CodeServer({
    bin: CODE_SERVER, root: dir, settingsFile,
    // The extension host inherits this: the test-only report command is registered and writes here.
    extraEnv: { MODELARTS_E2E_REPORT: reportFile, ...extraEnv },
    keybindings: [{ key: REPORT_KEY.binding, command: REPORT_KEY.command }], machineSettings,
  });
  const ctx = {
    runId: RUN_ID, ws, reportFile, sampleImage: ws.sampleImage, snippetPrefix: env('E2E_SNIPPET', 'modelarts-online'),
    // Where code-server keeps everything it writes (the push step greps it for the registry password).
    codeServerRoot: dir, registry: registryState(), machineSettingsFile: path.join(cs.dirs.userData, 'Machine', 'settings.json'),
  };
  let wb;
  let failed = false;
  try {
    log(`[${name}] install the .vsix into code-server`);
    await cs.installExtension(VSIX);
    if (locale) {
      log(`[${name}] install the ${locale} language pack`);
      await cs.installExtension(languagePack());
      assert.deepEqual(cs.cacheLanguagePacks(), [locale]);
    }
    const url = await cs.start(wsDir, { trust, locale });
    log(`[${name}] code-server listening at ${url}`);
    wb = await Workbench.open(url, { executablePath: CHROMIUM, shotsDir: SHOTS, timeout: TIMEOUT });
    log(`[${name}] chromium ${wb.browser.version()} on the workbench`);
    for (const [step, fn] of steps) {
      if (only && !only.split('|').some((o) => step.includes(o)) && !step.startsWith('workbench')) continue;
      const t = Date.now();
      wb.timeout = /Build and Test|failing|Send test request|Run Container|re-run|Push/.test(step) ? RUN_TIMEOUT : TIMEOUT;
      wb.page.setDefaultTimeout(wb.timeout);
      try {
        await fn(wb, ctx);
        results.push({ name: step, ok: true });
        log(`ok   ${step} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
      } catch (e) {
        failed = true;
        results.push({ name: step, ok: false });
        log(`FAIL ${step}\n${e.stack ?? e}`);
        await wb.shot(`99-failure-${results.length}`).catch(() => {});
        break; // later steps build on this one's state
      }
    }
  } catch (e) {
    failed = true;
    results.push({ name: `${name} setup`, ok: false });
    console.error(`e2e ${name} setup failed:`, e);
  } finally {
    if (wb) {
      console.log(wb.externalRequests.length
        ? `browser requests to non-loopback hosts: ${wb.externalRequests.join(', ')}`
        : 'browser made no requests to non-loopback hosts');
      shots.push(...wb.shots);
      await wb.close();
    }
    await cs.stop();
    if (failed) {
      for (const { file, text } of cs.extensionHostLogs()) console.log(`--- ${file} ---\n${text.slice(-8000)}`);
      if (fs.existsSync(cs.logFile)) console.log(`--- code-server log ---\n${fs.readFileSync(cs.logFile, 'utf8').slice(-4000)}`);
    }
  }
  return !failed;
}

/**
 * The remote session: the setting modelarts.dockerHost (machine-scoped: code-server's Machine settings) names an ssh:// engine (this machine's, through a real
 * sshd on loopback with its own key in an agent); the extension host gets the agent's socket as a user's shell would.
 */
async function remoteSession(o) {
  const { startSshd, sshdMissing } = await tsImport('../helpers/sshd.ts', import.meta.url);
  const missing = sshdMissing();
  if (missing) {
    results.push({ name: `remote session: ${missing}`, ok: false });
    return false;
  }
  const sshd = await startSshd();
  try {
    return await session('remote', { ...o, machineSettings: { 'modelarts.dockerHost': sshd.url }, env: { SSH_AUTH_SOCK: sshd.env.SSH_AUTH_SOCK } });
  } finally {
    sshd.stop();
  }
}

const sessions = [['trusted', { trust: false, steps: scenarios }], ['untrusted', { trust: true, steps: untrustedScenarios }],
  ['zh-cn', { trust: false, steps: zhScenarios, locale: 'zh-cn' }], ['remote', { trust: false, steps: remoteScenarios, remote: true }]];
/** Under E2E_ONLY, a session none of whose steps is asked for is not started at all. */
const wanted = (steps) => !only || steps.some(([step]) => only.split('|').some((o) => step.includes(o)));
for (const [name, o] of sessions) if (wanted(o.steps) && !(await (o.remote ? remoteSession(o) : session(name, o)))) break;
const leftovers = leftoverContainers();
if (leftovers.length) results.push({ name: `containers left behind: ${leftovers.join(', ')}`, ok: false });
const total = sessions.reduce((n, [, o]) => n + (wanted(o.steps) ? o.steps.length : 0), 0);
console.log(`\nscreenshots (${SHOTS}):\n${shots.map((f) => '  ' + path.basename(f)).join('\n')}`);
for (const r of results.filter((x) => !x.ok)) console.log(`FAILED: ${r.name}`);
console.log(`\n${results.filter((r) => r.ok).length}/${total} steps passed in ${secs()}s`);
if (process.env.E2E_KEEP) console.log(`kept ${root}`); else fs.rmSync(root, { recursive: true, force: true });
process.exit(results.some((r) => !r.ok) || !results.length ? 1 : 0);

/** Containers this run started that still exist (found by E2E_RUN_ID): reported, then removed. */
function leftoverContainers() {
  const mine = containersOfRun(RUN_ID);
  if (mine.length) spawnSync('docker', ['rm', '-f', ...mine], { encoding: 'utf8' });
  return mine;
}
