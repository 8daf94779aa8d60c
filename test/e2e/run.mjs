// End-to-end: the packaged extension in a real VS Code (code-server 4.100.3) driven by headless Debian Chromium.
// Prepare the machine once with `bash scripts/e2e-setup.sh`; needs a Docker engine with the base images
// (`npm run engine:up`). Usage: npm run test:e2e        Exit 0 = every step passed.
//   E2E_SKIP_PACKAGE=1  reuse modelarts-image-kit.vsix     E2E_KEEP=1  keep the temp root (logs, workspace)
//   E2E_ONLY=<substring> run only the steps whose name contains it (the steps before it still run when needed)
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { CodeServer } from './lib/codeServer.mjs';
import { Workbench } from './lib/workbench.mjs';
import { makeWorkspace } from './lib/workspace.mjs';
import { scenarios } from './scenarios.mjs';

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
log(`.vsix ${(fs.statSync(VSIX).size / 1024).toFixed(0)} KiB`);

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'modelarts-e2e-'));
const wsDir = path.join(root, 'workspace');
fs.mkdirSync(wsDir);
const ws = makeWorkspace(repo, wsDir);
const reportFile = path.join(root, 'report.json');
fs.rmSync(SHOTS, { recursive: true, force: true });

const cs = new CodeServer({
  bin: CODE_SERVER, root, settingsFile: path.join(here, 'settings.json'),
  // The extension host inherits these: the test-only report command appears and writes here.
  extraEnv: { MODELARTS_E2E_REPORT: reportFile },
});
const ctx = { ws, reportFile, snippetPrefix: env('E2E_SNIPPET', 'modelarts-online') };
let wb;
const results = [];
try {
  log('install the .vsix into code-server');
  await cs.installExtension(VSIX);
  const url = await cs.start(wsDir);
  log(`code-server listening at ${url}`);
  wb = await Workbench.open(url, { executablePath: CHROMIUM, shotsDir: SHOTS, timeout: TIMEOUT });
  log(`chromium ${wb.browser.version()} on the workbench`);
  const only = process.env.E2E_ONLY;
  for (const [name, fn] of scenarios) {
    if (only && !name.includes(only) && !name.startsWith('workbench')) continue;
    const t = Date.now();
    wb.timeout = /Build and Test|failing/.test(name) ? RUN_TIMEOUT : TIMEOUT;
    wb.page.setDefaultTimeout(wb.timeout);
    try {
      await fn(wb, ctx);
      results.push({ name, ok: true });
      log(`ok   ${name} (${((Date.now() - t) / 1000).toFixed(1)}s)`);
    } catch (e) {
      results.push({ name, ok: false });
      log(`FAIL ${name}\n${e.stack ?? e}`);
      await wb.shot(`99-failure-${results.length}`).catch(() => {});
      break; // later steps build on this one's state
    }
  }
} catch (e) {
  results.push({ name: 'setup', ok: false });
  console.error('e2e setup failed:', e);
} finally {
  const failed = results.some((r) => !r.ok) || results.length === 0;
  if (wb) {
    console.log(wb.externalRequests.length ? `browser requests to non-loopback hosts: ${wb.externalRequests.join(', ')}` : 'browser made no requests to non-loopback hosts');
    await wb.close();
  }
  await cs.stop();
  if (failed) {
    for (const { file, text } of cs.extensionHostLogs()) console.log(`--- ${file} ---\n${text.slice(-8000)}`);
    if (fs.existsSync(cs.logFile)) console.log(`--- code-server log ---\n${fs.readFileSync(cs.logFile, 'utf8').slice(-4000)}`);
  }
  console.log(`\nscreenshots (${SHOTS}):\n${(wb?.shots ?? []).map((f) => '  ' + path.basename(f)).join('\n')}`);
  console.log(`\n${results.filter((r) => r.ok).length}/${scenarios.length} steps passed in ${secs()}s`);
  if (process.env.E2E_KEEP) console.log(`kept ${root}`); else fs.rmSync(root, { recursive: true, force: true });
  process.exit(failed ? 1 : 0);
}
