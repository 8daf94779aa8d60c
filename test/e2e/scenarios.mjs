// What a person does and sees, step by step. Each step asserts on the screen (Problems panel, editor text, Test
// Explorer, the test peek) and, where exact sets matter, also on the extension's own report of the diagnostics.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { BROKEN_CODES } from './lib/workspace.mjs';
import { REPORT_KEY } from './lib/workbench.mjs';

/** The tags of the target's repository, read through the registry API with the test registry's login and CA. */
async function registryTags(reg, target) {
  const https = await import('node:https');
  const repo = target.slice(reg.address.length + 1).split(':')[0];
  const auth = Buffer.from(`${reg.user}:${reg.password}`).toString('base64');
  return new Promise((resolve, reject) => {
    https.get(`https://${reg.address}/v2/${repo}/tags/list`, { ca: fs.readFileSync(reg.ca), headers: { Authorization: `Basic ${auth}` } }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => (res.statusCode === 200 ? resolve(JSON.parse(body).tags ?? [])
        : res.statusCode === 404 ? resolve([]) : reject(new Error(`${res.statusCode} ${body}`)))); // 404: no such repository yet
    }).on('error', reject);
  });
}

/** Waits (the step's timeout) until `pred` holds: log files are flushed a moment after the line. */
async function untilFile(wb, pred, what) {
  const deadline = Date.now() + wb.timeout;
  while (!pred()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await wb.page.waitForTimeout(250);
  }
}

/** Files under `dir` (text or not) whose bytes contain `secret`. */
function filesContaining(dir, secret) {
  const hits = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const f = path.join(d, e.name);
      if (e.isDirectory()) walk(f);
      else if (e.isFile() && fs.statSync(f).size < 64 * 1024 ** 2 && fs.readFileSync(f).includes(secret)) hits.push(path.relative(dir, f));
    }
  };
  walk(dir);
  return hits;
}

/** Containers (any state) the kit labelled that carry this run's E2E_RUN_ID, optionally of one folder's image. */
export function containersOfRun(runId, folder) {
  const ps = spawnSync('docker', ['ps', '-aq', '--filter', 'label=modelarts-image-kit=1',
    ...(folder ? ['--filter', `ancestor=${folder}:modelarts-dev`] : [])], { encoding: 'utf8' });
  if (ps.status !== 0) throw new Error(`docker ps failed: ${ps.stderr}`);
  const ids = ps.stdout.split('\n').filter(Boolean);
  if (!ids.length) return [];
  const ins = spawnSync('docker', ['inspect', '--format', '{{.Id}} {{json .Config.Env}}', ...ids], { encoding: 'utf8' });
  return ins.stdout.split('\n').filter((l) => l.includes(`"E2E_RUN_ID=${runId}"`)).map((l) => l.split(' ')[0].slice(0, 12));
}

const waitFile = async (wb, file, pred, what) => {
  const deadline = Date.now() + wb.timeout;
  while (Date.now() < deadline) {
    const t = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
    if (pred(t)) return t;
    await wb.page.waitForTimeout(200);
  }
  throw new Error(`${file} never ${what}`);
};

/** The extension's test-only report (client/src/e2eReport.ts), rewritten whenever diagnostics or a run change. */
function readReport(ctx) {
  try { return JSON.parse(fs.readFileSync(ctx.reportFile, 'utf8')); } catch { return undefined; }
}
/** Asks for a fresh report through the key the suite bound to the test-only command (it has no palette entry). */
async function report(wb, ctx) {
  const before = readReport(ctx)?.seq ?? 0;
  await wb.pressKey(REPORT_KEY.press);
  await waitFile(wb, ctx.reportFile, () => (readReport(ctx)?.seq ?? 0) > before, 'was rewritten');
  return readReport(ctx);
}
const diagCodes = (rep, file) => (rep.diagnostics.find((d) => d.path === file)?.items ?? []).map((d) => d.code);

async function untilReport(wb, ctx, pred, what) {
  const deadline = Date.now() + wb.timeout;
  let rep;
  while (Date.now() < deadline) {
    rep = readReport(ctx);
    if (rep && pred(rep)) return rep;
    await wb.page.waitForTimeout(200);
  }
  throw new Error(`the extension never reported ${what}: ${JSON.stringify(rep)}`);
}

/** New Model Image Project (by its palette title), an online service, the proposed name accepted; the new folder. */
async function newOnlineFolder(wb, ctx, title, online) {
  await wb.runCommand(title);
  await wb.pick(online);
  const input = wb.page.locator('.quick-input-widget input');
  // The name prompt replaces the kind pick in the same widget: wait for its proposal, not for any visible input.
  await wb.page.waitForFunction(() => document.querySelector('.quick-input-widget input')?.value === 'model-online');
  assert.equal(await input.inputValue(), 'model-online');
  await wb.page.keyboard.press('Enter');
  return path.join(path.dirname(ctx.ws.online), 'model-online');
}

/** The walkthrough's step page as rendered: VS Code draws its markdown in a webview (frames below the workbench's). */
async function walkthroughPage(wb, heading) {
  const deadline = Date.now() + wb.timeout;
  while (Date.now() < deadline) {
    for (const f of wb.page.frames().filter((x) => x !== wb.page.mainFrame())) {
      const text = await f.evaluate(() => document.body?.innerText ?? '').catch(() => '');
      if (text.includes(heading)) return text;
    }
    await wb.page.waitForTimeout(250);
  }
  throw new Error(`the walkthrough's page never showed "${heading}"`);
}

/** Test Explorer after a run of `folder`: expanded and printed; every check under it green. */
async function checksAllGreen(wb, folder) {
  await wb.runCommand('Testing: Focus on Test Explorer View');
  await wb.page.locator('.test-explorer .monaco-list-row', { hasText: folder }).first().waitFor();
  await expandAll(wb);
  const tree = await wb.testTree();
  console.log('   Test Explorer:\n' + tree.map((r) => `     | ${'  '.repeat(Math.max(0, r.level - 1))}${r.label} [${r.state}]`).join('\n'));
  const checks = tree.filter((r) => r.level >= 2 && rowUnder(tree, r, folder));
  assert.ok(checks.length >= 3, `expected the ${folder} checks in Test Explorer, saw ${checks.length}`);
  assert.deepEqual(checks.filter((r) => r.state !== 'passed').map((r) => r.label), [], `every ${folder} check is green`);
  return checks;
}

export const scenarios = [
  ['workbench opens the workspace and the extension activates', async (wb) => {
    await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'online' }).waitFor();
    await wb.page.locator('.statusbar-item', { hasText: 'ModelArts' }).first().waitFor();
    await wb.shot('01-workbench');
  }],

  ['a broken config.json shows its MA codes in the Problems panel', async (wb, ctx) => {
    await wb.openFile('broken/config.json');
    await wb.page.locator('.monaco-editor .squiggly-error, .monaco-editor .squiggly-warning').first().waitFor();
    await wb.focusProblems();
    const text = await wb.waitForProblems((t) => BROKEN_CODES.every((c) => t.includes(c)), BROKEN_CODES.join(', '));
    console.log('   Problems panel:\n' + text.split('\n').map((l) => '     | ' + l).join('\n'));
    const rep = await report(wb, ctx);
    for (const c of BROKEN_CODES) assert.ok(diagCodes(rep, path.join(ctx.ws.broken, 'config.json')).includes(c), `${c} not in the diagnostics`);
    await wb.shot('02-problems-broken-config');
  }],

  ['a quick fix removes its finding', async (wb, ctx) => {
    await wb.openFile('broken/config.json');
    await wb.cursorOn('procotol');
    await wb.quickFix('protocol', () => wb.shot('03-quick-fix-menu'));
    await wb.page.locator('.editor-instance .view-line', { hasText: '"protocol": "http"' }).first().waitFor();
    await wb.save();
    await waitFile(wb, path.join(ctx.ws.broken, 'config.json'), (t) => t.includes('"protocol": "http"') && !t.includes('procotol'), 'got the fix');
    await wb.focusProblems();
    await wb.waitForProblems((t) => !t.includes('MA104') && t.includes('MA115'), 'MA104 gone while MA115 stays');
    await untilReport(wb, ctx, (r) => !diagCodes(r, path.join(ctx.ws.broken, 'config.json')).includes('MA104'), 'MA104 gone');
    await wb.shot('04-quick-fix-applied');
  }],

  ['a snippet inserts a config.json and it stays clean', async (wb, ctx) => {
    // Start from a config with a finding, so "clean" below means the server checked the snippet (not "not yet").
    const file = path.join(ctx.ws.scratch, 'config.json');
    fs.writeFileSync(file, '{\n  "model_type": "Imag"\n}\n');
    await wb.openFile('scratch/config.json');
    await untilReport(wb, ctx, (r) => diagCodes(r, file).length > 0, 'a finding in the starting scratch/config.json');
    await wb.page.keyboard.press('Control+A');
    await wb.page.keyboard.type(ctx.snippetPrefix, { delay: 20 });
    await wb.page.keyboard.press('Control+Space');
    const row = wb.page.locator('.suggest-widget .monaco-list-row', { hasText: ctx.snippetPrefix });
    await row.first().waitFor();
    await wb.shot('05-snippet-suggest');
    await wb.page.keyboard.press('Enter');
    await wb.page.locator('.editor-instance .view-line', { hasText: '"model_type": "Image"' }).first().waitFor();
    await wb.page.keyboard.press('Escape');
    await wb.save();
    const saved = await waitFile(wb, file, (t) => t.includes('"apis"'), 'got the snippet');
    assert.doesNotThrow(() => JSON.parse(saved), 'the snippet is strict JSON');
    await untilReport(wb, ctx, (r) => diagCodes(r, file).length === 0, 'the snippet checked clean');
    await wb.focusProblems();
    assert.ok(!(await wb.problemsText()).includes('scratch'), 'scratch/config.json has no problem row');
    await wb.shot('06-snippet-inserted-clean');
  }],

  ['quick fixes edit app.py from the Dockerfile: "Bind to 0.0.0.0" then "Listen on 8080" on an unsaved buffer leave code that compiles', async (wb, ctx) => {
    const docker = path.join(ctx.ws.pyfixOpen, 'Dockerfile');
    const app = path.join(ctx.ws.pyfixOpen, 'app.py');
    await wb.openFile('pyfix-open/app.py');
    // An unsaved edit above the server call: what the editor shows is no longer what is on disk.
    await wb.page.keyboard.press('Control+Home');
    await wb.page.keyboard.type('# edited, not saved yet\n');
    await wb.openFile('pyfix-open/Dockerfile');
    await applyBindThenListen(wb, ctx, docker, '06b-python-fixes-unsaved');
    await wb.openFile('pyfix-open/app.py');
    await wb.save();
    const saved = await waitFile(wb, app, (t) => t.includes('("0.0.0.0", 8080)'), 'got both fixes');
    assert.ok(saved.startsWith('# edited, not saved yet\n'), `the unsaved edit is kept: ${saved.slice(0, 80)}`);
    assertCompiles(app);
  }],

  ['a fix to a file that is not open shows that file, and saved it compiles with no finding left', async (wb, ctx) => {
    const docker = path.join(ctx.ws.pyfixClosed, 'Dockerfile');
    const app = path.join(ctx.ws.pyfixClosed, 'app.py');
    // Nothing open (the previous step saved its files): any app.py tab below is the one the fix opened.
    await wb.runCommand('View: Close All Editors');
    await wb.page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached' });
    await wb.openFile('pyfix-closed/Dockerfile');
    await applyBindThenListen(wb, ctx, docker, '06c-python-fixes-closed-file');
    // The edited file is shown beside the Dockerfile (not left as a hidden unsaved buffer).
    await wb.page.locator('.tab', { hasText: 'app.py' }).first().waitFor();
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'HTTPServer(("0.0.0.0", 8080), Handler)' }).first().waitFor();
    await wb.runCommand('File: Save All Files');
    await waitFile(wb, app, (t) => t.includes('HTTPServer(("0.0.0.0", 8080), Handler)'), 'got both fixes');
    assertCompiles(app);
  }],

  ['Build and Test on the online example ends with every test green in Test Explorer', async (wb, ctx) => {
    await wb.openFile('online/config.json');
    await wb.runCommand('ModelArts: Build and Test');
    // The run shows its progress (a build takes seconds at least, so the notification or status item is seen).
    await wb.page.locator('.notifications-toasts, .statusbar-item', { hasText: /Build and Test|Building|构建/ }).first().waitFor();
    await wb.shot('07-build-and-test-progress');
    const rep = await untilReport(wb, ctx, (r) => r.lastRun?.folder === ctx.ws.online && r.lastRun.done, 'the end of the online run');
    await checksAllGreen(wb, 'online');
    assert.equal(rep.lastRun.passed, true, `online run failed: ${JSON.stringify(rep.lastRun)}`);
    await wb.shot('08-test-explorer-online-green');
  }],

  ['Push Image to SWR: the login asked on 401 goes to SecretStorage; the tag is in the registry; the password is in no log or setting',
    async (wb, ctx) => {
      const reg = ctx.registry;
      assert.ok(reg, 'no registry for the push step: run npm run registry:up');
      const target = `${reg.address}/e2e${ctx.runId.toLowerCase().replace(/[^a-z0-9]/g, "").slice(-8)}/online:1`;
      await wb.openFile('online/config.json');
      await wb.runCommand('ModelArts: Push Image to SWR');
      await (await wb.quickInput(target)).press('Enter');
      // No docker login in code-server's HOME: the registry answers 401 and the editor asks for the login.
      await wb.page.locator('.quick-input-widget', { hasText: '(1/2)' }).first().waitFor();
      await (await wb.quickInput(reg.user)).press('Enter');
      await wb.page.locator('.quick-input-widget', { hasText: '(2/2)' }).first().waitFor();
      await (await wb.quickInput(reg.password)).press('Enter');
      const pushed = wb.page.locator('.notifications-toasts .notification-toast', { hasText: `Pushed ${target}` }).first();
      await pushed.waitFor();
      // The progress of each attempt (the refused one and the pushed one) closes with it.
      await wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'ModelArts: pushing' }).first().waitFor({ state: 'detached' });
      await wb.shot('09-pushed');
      // The toast's offer: config.json then names the pushed image (the console's swr_location), saved.
      const config = path.join(ctx.ws.online, 'config.json');
      const before = fs.readFileSync(config, 'utf8');
      await pushed.locator('.monaco-button', { hasText: 'Write swr_location into config.json' }).first().click();
      const saved = () => {
        try {
          return JSON.parse(fs.readFileSync(config, 'utf8')).swr_location === target;
        } catch {
          return false; // caught mid-write
        }
      };
      await untilFile(wb, saved, 'swr_location saved in online/config.json');
      assert.equal(JSON.parse(fs.readFileSync(config, 'utf8')).apis.length, JSON.parse(before).apis.length, 'the rest of config.json kept');
      // The later steps run the example as it was.
      fs.writeFileSync(config, before);
      const tags = await registryTags(reg, target);
      assert.ok(tags.includes('1'), `tag 1 in the registry: ${JSON.stringify(tags)}`);
      // Every file the editor wrote (logs of every Output channel, settings, state). The grep reaches the extension's
      // Output channel: its log file holds the push's own line.
      await untilFile(wb, () => filesContaining(ctx.codeServerRoot, `Pushed ${target}`).some((f) => /ModelArts.*\.log$/i.test(f)), 'the Output channel log');
      const leaks = filesContaining(ctx.codeServerRoot, reg.password);
      assert.deepEqual(leaks, [], 'the password appears in no file code-server or the extension wrote');
    }],

  ['Build and Test on a server bound to 127.0.0.1:5000 that the static check flagged: MA404 names the address at once and links the flagged lines',
    async (wb, ctx) => {
      const docker = path.join(ctx.ws.loopback, 'Dockerfile');
      await wb.openFile('loopback/Dockerfile');
      await untilReport(wb, ctx, (r) => ['MA202', 'MA203'].every((c) => diagCodes(r, docker).includes(c)), 'MA202 and MA203 on loopback/Dockerfile');
      const t0 = Date.now();
      await wb.runCommand('ModelArts: Build and Test');
      const rep = await untilReport(wb, ctx, (r) => r.lastRun?.folder === ctx.ws.loopback && r.lastRun.done, 'the end of the loopback run');
      console.log(`   the run ended after ${((Date.now() - t0) / 1000).toFixed(1)} s (start timeout: 120 s)`);
      const ma404 = rep.lastRun.results.find((r) => r.state === 'failed' && r.messages.some((m) => m.includes('MA404')));
      assert.ok(ma404, `no MA404 failure: ${JSON.stringify(rep.lastRun)}`);
      const text = ma404.messages.join(' ');
      // Named from the container's sockets, which only a watch that did not wait out the timeout can say.
      assert.match(text, /127\.0\.0\.1:5000/, text);
      assert.match(text, /MA202/, text);
      assert.ok(ma404.locations.some((l) => l.path === docker || l.path === path.join(ctx.ws.loopback, 'app.py')), JSON.stringify(ma404.locations));
      await wb.shot('10b-loopback-ma404');
      await wb.takeKeyboard(); // the failure's peek, if VS Code opened one, closed for the next step
    }],

  ['Build and Test on a server whose /health answers 503 for 3 s: each bad answer told as it came (kept in the Output channel), then green',
    async (wb, ctx) => {
      await wb.openFile('slowhealth/config.json');
      await wb.runCommand('ModelArts: Build and Test');
      const rep = await untilReport(wb, ctx, (r) => r.lastRun?.folder === ctx.ws.slowhealth && r.lastRun.done, 'the end of the slowhealth run');
      assert.equal(rep.lastRun.passed, true, `healthy inside the budget, so green: ${JSON.stringify(rep.lastRun)}`);
      const told = (f) => /ModelArts.*\.log$/i.test(f)
        && /\[slowhealth\] Health \/health [\d.]+ s: .*503/.test(fs.readFileSync(path.join(ctx.codeServerRoot, f), 'utf8'));
      await untilFile(wb, () => filesContaining(ctx.codeServerRoot, '[slowhealth] Health').some(told), 'the 503 answers in the Output channel');
    }],

  ['Push Image to SWR on a folder never tested: the preflight refuses it, and the toast\'s button runs Build and Test there',
    async (wb, ctx) => {
      const target = `${ctx.registry.address}/e2e${ctx.runId.toLowerCase().replace(/[^a-z0-9]/g, "").slice(-8)}/pyfix-closed:1`;
      await wb.openFile('pyfix-closed/config.json');
      await wb.runCommand('ModelArts: Push Image to SWR');
      await (await wb.quickInput(target)).press('Enter');
      const refused = wb.page.locator('.notifications-toasts .notification-toast', { hasText: 'Not pushed' }).first();
      await refused.waitFor();
      await wb.shot('09b-push-refused-untested');
      assert.deepEqual(await registryTags(ctx.registry, target), [], 'nothing pushed');
      await refused.locator('.monaco-button', { hasText: 'Run Build and Test' }).first().click();
      await untilReport(wb, ctx, (r) => r.lastRun?.folder === ctx.ws.pyfixClosed && r.lastRun.done, 'the run the button started on pyfix-closed/');
    }],

  ['a failing fixture shows its failure with its location', async (wb, ctx) => {
    await wb.openFile('failing/config.json');
    await wb.runCommand('ModelArts: Build and Test');
    const rep = await untilReport(wb, ctx, (r) => r.lastRun?.folder === ctx.ws.failing && r.lastRun.done, 'the end of the failing run');
    const failed = rep.lastRun.results.filter((t) => t.state === 'failed');
    assert.ok(failed.some((t) => t.messages.some((m) => m.includes('MA407'))), `no MA407 failure: ${JSON.stringify(rep.lastRun)}`);
    const located = failed.flatMap((t) => t.locations).find((l) => l.path === path.join(ctx.ws.failing, 'config.json'));
    assert.ok(located, 'the failure points into failing/config.json');
    // What a person sees: the failure peek in the config.json editor at that line, with the message.
    const peek = wb.page.locator('.monaco-editor .peekview-widget, .monaco-editor .test-output-peek');
    // VS Code opens the peek itself for a failure in a visible document; when it has not (yet), a person asks
    // for it. Either way the peek must then show.
    if (!(await peek.first().isVisible())) await wb.runCommand('Test: Go to Next Test Failure');
    await peek.first().waitFor();
    await wb.page.locator('.monaco-editor .peekview-widget', { hasText: 'MA407' }).first().waitFor();
    await wb.shot('09-failing-peek-in-config');
    await wb.runCommand('Testing: Focus on Test Explorer View');
    await expandAll(wb);
    const tree = await wb.testTree();
    console.log('   Test Explorer:\n' + tree.map((r) => `     | ${'  '.repeat(Math.max(0, r.level - 1))}${r.label} [${r.state}]`).join('\n'));
    assert.ok(tree.some((r) => r.state === 'failed' && rowUnder(tree, r, 'failing')), 'a failed check under failing');
    await wb.shot('10-test-explorer-failing');
  }],

  ['fix the failing config, re-run only that check from Test Explorer: it turns green', async (wb, ctx) => {
    const cfgPath = path.join(ctx.ws.failing, 'config.json');
    fs.writeFileSync(cfgPath, fs.readFileSync(cfgPath, 'utf8').replace(/"greeting": \{\s*"type": "integer"\s*\}/, '"greeting": { "type": "string" }'));
    await wb.runCommand('Testing: Focus on Test Explorer View');
    const rows = wb.page.locator('.test-explorer .monaco-list-row');
    const tree = await wb.testTree();
    const idx = tree.findIndex((r) => r.label.startsWith('api POST /greet') && rowUnder(tree, r, 'failing'));
    assert.ok(idx >= 0, 'the failing check is in the tree');
    const row = rows.nth(idx);
    await row.hover();
    await row.locator('.action-label[aria-label^="Run"], .action-label.codicon-testing-run-icon').first().click();
    const rep = await untilReport(wb, ctx, (r) => r.lastRun?.folder === ctx.ws.failing && r.lastRun.done && r.lastRun.passed === true,
      'a green re-run of failing');
    assert.equal(rep.lastRun.results.find((r) => r.id === 'api POST /greet')?.state, 'passed');
    await wb.page.waitForFunction(() => {
      const rows = [...document.querySelectorAll('.test-explorer .monaco-list-row')];
      return rows.some((r) => r.textContent?.startsWith('failing') && r.querySelector('.codicon-testing-passed-icon'));
    });
    const after = await wb.testTree();
    const greet = after.find((r) => r.label.startsWith('api POST /greet') && rowUnder(after, r, 'failing'));
    assert.equal(greet?.state, 'passed', 'the re-run check is green in Test Explorer');
    await wb.shot('10b-rerun-one-green');
  }],

  ['Send test request from a CodeLens: a picked file, the answer and its schema check, the container in the status bar', async (wb, ctx) => {
    await wb.openFile('online/config.json');
    const lens = wb.page.locator('.monaco-editor .codelens-decoration a', { hasText: 'Send test request (POST /)' });
    await lens.first().waitFor();
    await lens.first().click();
    // The multipart field "images" asks for a file: VS Code's own file dialog, answered by typing the path.
    const input = wb.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await wb.page.locator('.quick-input-widget', { hasText: 'images' }).first().waitFor();
    // The dialog fills in its start folder asynchronously: type until our path stays, then accept it.
    for (let i = 0; i < 50 && (await input.inputValue()) !== ctx.sampleImage; i++) {
      await input.fill(ctx.sampleImage);
      await wb.page.waitForTimeout(200);
    }
    await wb.shot('11-request-pick-file');
    await wb.page.keyboard.press('Enter');
    await input.waitFor({ state: 'hidden' });
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'POST / — HTTP 200' }).first().waitFor();
    await wb.page.locator('.monaco-editor .view-line', { hasText: 'matches the declared response' }).first().waitFor();
    await wb.page.locator('.monaco-editor .view-line', { hasText: '"mnist_result"' }).first().waitFor();
    const status = wb.page.locator('.statusbar-item', { hasText: /ModelArts: online http:\/\/127\.0\.0\.1:\d+/ });
    await status.first().waitFor();
    console.log(`   status bar: ${(await status.first().innerText()).trim()}`);
    await wb.shot('12-request-answer-and-status');
    await wb.runCommand('ModelArts: Stop Container');
    await wb.page.locator('.notifications-toasts', { hasText: 'Stopped and removed the container of online' }).first().waitFor();
    await wb.page.locator('.statusbar-item', { hasText: /^\s*ModelArts\s*$/ }).first().waitFor();
    await wb.shot('13-container-stopped');
  }],

  ['the explorer context menu of a model folder and the editor title offer Build and Test', async (wb) => {
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('View: Show Explorer');
    const row = wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: /^online$/ }).first();
    await row.click({ button: 'right' });
    const menu = wb.page.locator('.context-view .monaco-menu');
    await menu.locator('.action-label', { hasText: 'Build and Test' }).first().waitFor();
    await menu.locator('.action-label', { hasText: 'Run Container' }).first().waitFor();
    await wb.shot('13b-explorer-context-menu');
    await wb.page.keyboard.press('Escape');
    await wb.openFile('online/Dockerfile');
    await wb.page.locator('.editor-group-container.active .editor-actions .action-label[aria-label*="Build and Test"]').first().waitFor();
  }],

  ['New Model Image Project scaffolds an online folder with no findings', async (wb, ctx) => {
    const dir = await newOnlineFolder(wb, ctx, 'ModelArts: New Model Image Project', 'Online service');
    await wb.page.locator('.tabs-container .tab.active', { hasText: 'config.json' }).first().waitFor();
    await wb.page.locator('.notifications-toasts', { hasText: 'Created model-online' }).first().waitFor();
    const rep = await untilReport(wb, ctx, (r) => r.modelFolders.includes(dir), 'the new model folder');
    assert.deepEqual(rep.diagnostics.filter((d) => d.path.startsWith(dir + path.sep)).flatMap((d) => d.items.map((i) => i.code)), []);
    await wb.focusProblems();
    assert.ok(!(await wb.problemsText()).includes('model-online'), 'no problem row for the new folder');
    await wb.shot('14-new-project');
  }],

  ['Open Rule Documentation shows a rule page', async (wb) => {
    await wb.runCommand('ModelArts: Open Rule Documentation');
    await wb.pick('MA104');
    await wb.page.locator('.tabs-container .tab', { hasText: 'MA104' }).first().waitFor();
    await wb.shot('15-rule-doc');
  }],

  ['the walkthrough shows its English page alone in an English VS Code', async (wb) => {
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.pick(JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.json'), 'utf8'))['walkthrough.title']);
    const page = await walkthroughPage(wb, 'Create a model folder');
    assert.doesNotMatch(page, /[\u4e00-\u9fff]/, `the page shows Chinese: ${page.slice(0, 300)}`);
    await wb.shot('15b-walkthrough-en');
    await wb.runCommand('View: Close All Editors');
  }],

  ['Run Container, then reload the window: deactivate removes the container', async (wb, ctx) => {
    await wb.openFile('online/config.json');
    await wb.runCommand('ModelArts: Run Container');
    await wb.page.locator('.statusbar-item', { hasText: /ModelArts: online http:\/\/127\.0\.0\.1:\d+/ }).first().waitFor();
    assert.equal(containersOfRun(ctx.runId, 'online').length, 1, 'one container of online runs');
    await wb.shot('16-container-running');
    await wb.runCommand('Developer: Reload Window');
    await wb.page.locator('.monaco-workbench').waitFor();
    await wb.page.locator('.statusbar-item', { hasText: /^\s*ModelArts\s*$/ }).first().waitFor();
    const deadline = Date.now() + wb.timeout;
    while (containersOfRun(ctx.runId, 'online').length && Date.now() < deadline) await wb.page.waitForTimeout(250);
    assert.deepEqual(containersOfRun(ctx.runId, 'online'), [], 'the container is gone after the extension deactivated');
  }],
];

/** On the open Dockerfile: the two quick fixes one after the other, each after the server re-checked. */
async function applyBindThenListen(wb, ctx, docker, shot) {
  await untilReport(wb, ctx, (r) => ['MA202', 'MA203'].every((c) => diagCodes(r, docker).includes(c)), `MA202 and MA203 on ${docker}`);
  await wb.cursorOn('python3');
  await quickFixWhenOffered(wb, 'Bind to 0.0.0.0', () => wb.shot(`${shot}-menu`));
  await untilReport(wb, ctx, (r) => !diagCodes(r, docker).includes('MA202') && diagCodes(r, docker).includes('MA203'), 'MA202 gone, MA203 still there');
  await wb.openFile(path.relative(path.dirname(path.dirname(docker)), docker));
  await wb.cursorOn('python3');
  await quickFixWhenOffered(wb, 'Listen on 8080');
  const rep = await untilReport(wb, ctx, (r) => !diagCodes(r, docker).some((c) => c === 'MA202' || c === 'MA203'), 'neither MA202 nor MA203 left');
  assert.deepEqual(diagCodes(rep, docker).filter((c) => /^MA20[23]$/.test(c)), []);
  await wb.shot(shot);
}

/**
 * The quick fix, once the server offers it. Right after the other file changed, the fix computed on the old
 * text is refused (by design) until the server's re-check arrives: a person then sees "No code actions
 * available" and tries again a moment later. Fails when the fix is not offered within the step's time.
 */
async function quickFixWhenOffered(wb, title, beforeApply) {
  const deadline = Date.now() + wb.timeout;
  for (;;) {
    await wb.page.keyboard.press('Control+.');
    const menu = wb.page.locator('.action-widget .monaco-list-row', { hasText: title });
    const none = wb.page.locator('.monaco-editor', { hasText: 'No code actions available' });
    await menu.or(none).first().waitFor();
    // Applied from the menu that offers it: closing and reopening it would race the next publish (under load a
    // re-check in between refuses the fix again for a moment).
    if (await menu.count()) return wb.applyShownQuickFix(title, beforeApply);
    if (Date.now() > deadline) throw new Error(`"${title}" was never offered`);
    await wb.page.keyboard.press('Escape');
    await wb.page.waitForTimeout(500);
  }
}

/** `python3 -m py_compile` on the saved file. */
function assertCompiles(file) {
  // The byte code goes to a temp folder, not into the workspace.
  const r = spawnSync('python3', ['-m', 'py_compile', file],
    { encoding: 'utf8', env: { ...process.env, PYTHONPYCACHEPREFIX: fs.mkdtempSync(path.join(os.tmpdir(), 'pyc-')) } });
  assert.equal(r.status, 0, `${file} does not compile: ${r.stderr}\n${fs.readFileSync(file, 'utf8')}`);
}

/** Expands every collapsed row of the Test Explorer tree (a person clicks the twisties). */
async function expandAll(wb) {
  for (let i = 0; i < 20; i++) {
    const collapsed = wb.page.locator('.test-explorer .monaco-list-row[aria-expanded="false"]');
    if (!(await collapsed.count())) return;
    await collapsed.first().locator('.monaco-tl-twistie').click();
    await wb.page.waitForTimeout(100);
  }
}

/** True when row r sits under the nearest level-1 row labelled like parent. */
function rowUnder(tree, r, parent) {
  for (let i = tree.indexOf(r); i >= 0; i--) if (tree[i].level === 1) return tree[i].label.includes(parent);
  return false;
}

/** A workspace opened in restricted mode: checks still run, building and running say why they do not. */
export const untrustedScenarios = [
  ['untrusted: diagnostics still show in the Problems panel', async (wb) => {
    await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'broken' }).waitFor();
    await wb.openFile('broken/config.json');
    await wb.focusProblems();
    await wb.waitForProblems((t) => BROKEN_CODES.every((c) => t.includes(c)), BROKEN_CODES.join(', '));
    await wb.shot('17-untrusted-problems');
  }],
  ['untrusted: Build and Test is refused with a message', async (wb, ctx) => {
    await wb.openFile('online/config.json');
    await wb.runCommand('ModelArts: Build and Test');
    await wb.page.locator('.notifications-toasts', { hasText: 'only in a trusted workspace' }).first().waitFor();
    await wb.shot('18-untrusted-build-refused');
    const rep = JSON.parse(fs.readFileSync(ctx.reportFile, 'utf8'));
    assert.equal(rep.trusted, false);
    assert.equal(rep.lastRun, undefined, 'no run started');
  }],
];

const CJK = /[\u4e00-\u9fff]/;
const REPO = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');

/** Our diagnostics (source "modelarts") of the report whose message has no Chinese: none may be left in zh-cn. */
const englishOfOurs = (rep) => rep.diagnostics.flatMap((d) => d.items.filter((i) => i.source === 'modelarts' && !CJK.test(i.message))
  .map((i) => `${path.basename(path.dirname(d.path))}/${path.basename(d.path)} ${i.code}: ${i.message}`));

/**
 * The labels of the open quick pick's rows: each row's first label. In a non-English UI VS Code adds a command's
 * English title as a second line (its "alias", VS Code's own help for searching); that line is not ours to translate.
 */
const quickPickLabels = (wb) => wb.page.locator('.quick-input-list .monaco-list-row').evaluateAll((rows) =>
  rows.map((r) => r.querySelector('.label-name')?.textContent ?? ''));

/**
 * VS Code in Simplified Chinese (the test-only language pack and --locale zh-cn): what the extension shows is
 * Chinese. VS Code's own texts stay English (the pack translates nothing), so its command names are used to drive it.
 */
export const zhScenarios = [
  ['zh-cn: the workbench runs in zh-cn and the extension speaks Chinese (status bar, diagnostics)', async (wb, ctx) => {
    await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'online' }).waitFor();
    await wb.page.locator('.statusbar-item', { hasText: 'ModelArts' }).first().waitFor();
    const rep = await report(wb, ctx);
    assert.equal(rep.language, 'zh-cn', 'vscode.env.language with the language pack');
    await wb.shot('zh-01-workbench');
  }],

  ['zh-cn: Problems shows our findings in Chinese (MA104 among them) and none of ours in English', async (wb, ctx) => {
    await wb.openFile('broken/config.json');
    await wb.focusProblems();
    const text = await wb.waitForProblems((t) => BROKEN_CODES.every((c) => t.includes(c)), BROKEN_CODES.join(', '));
    console.log('   Problems panel:\n' + text.split('\n').map((l) => '     | ' + l).join('\n'));
    assert.match(text, /中有未知字段 "procotol"/, "MA104's Chinese text");
    const rep = await report(wb, ctx);
    assert.deepEqual(englishOfOurs(rep), [], 'no English message of ours');
    assert.ok(!text.includes('Unknown field'), 'no English MA104 in the panel');
    await wb.shot('zh-02-problems');
  }],

  ['zh-cn: a hover and a quick-fix title in Chinese', async (wb) => {
    await wb.openFile('broken/config.json');
    await wb.cursorOn('procotol');
    await wb.page.keyboard.press('Control+K');
    await wb.page.keyboard.press('Control+I');
    const hover = wb.page.locator('.monaco-hover:not(.hidden)', { hasText: '未知字段' });
    await hover.first().waitFor();
    console.log(`   hover: ${(await hover.first().innerText()).replace(/\s+/g, ' ').slice(0, 200)}`);
    await wb.shot('zh-03-hover');
    await wb.page.keyboard.press('Escape');
    await wb.page.keyboard.press('Control+.');
    const fix = wb.page.locator('.action-widget .monaco-list-row', { hasText: '改为 "protocol"' });
    await fix.first().waitFor();
    await wb.shot('zh-04-quick-fix-title');
    await wb.page.keyboard.press('Escape');
  }],

  ['zh-cn: the command palette lists the ModelArts commands by their Chinese titles', async (wb) => {
    await wb.takeKeyboard();
    await wb.page.keyboard.press('F1');
    await wb.quickInput('>ModelArts: ');
    await wb.page.locator('.quick-input-list .monaco-list-row', { hasText: '构建并测试' }).first().waitFor();
    const labels = await quickPickLabels(wb);
    console.log(`   palette: ${labels.join(' | ')}`);
    const nls = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.zh-cn.json'), 'utf8'));
    const en = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.json'), 'utf8'));
    for (const k of ['command.buildAndTest', 'command.newProject', 'command.openRuleDoc']) assert.ok(labels.includes(`ModelArts: ${nls[k]}`), nls[k]);
    const ours = labels.filter((l) => l.startsWith('ModelArts: '));
    assert.ok(ours.length >= 5, `only ${ours.length} ModelArts rows`);
    const english = Object.keys(en).filter((k) => k.startsWith('command.')).map((k) => `ModelArts: ${en[k]}`);
    assert.deepEqual(ours.filter((l) => english.includes(l)), [], 'no English command title');
    await wb.shot('zh-05-command-palette');
    await wb.page.keyboard.press('Escape');
  }],

  ['zh-cn: settings: the ModelArts groups in Chinese, a profile choice is described in Chinese', async (wb) => {
    await wb.runCommand('Preferences: Open Settings (UI)');
    const search = wb.page.locator('.settings-editor .settings-header .suggest-input-container .monaco-editor textarea').first();
    await search.waitFor();
    await search.fill('@ext:modelarts-image-kit.modelarts-image-kit');
    const toc = wb.page.locator('.settings-toc-container .monaco-list-row', { hasText: /^检查/ }).first();
    await toc.waitFor();
    await wb.page.locator('.settings-toc-container .monaco-list-row', { hasText: /^构建并测试/ }).first().waitFor();
    await toc.click();
    const item = wb.page.locator('.settings-editor .setting-item-contents', { hasText: '按哪个版本' }).first();
    await item.waitFor();
    // VS Code names a setting by its key ("Modelarts: Profile") and trims its group's id off the front where the
    // group is shown; a search result list keeps the key's own prefix (VS Code's convention, as "Python: ...").
    console.log(`   setting title: ${(await item.locator('.setting-item-title').innerText()).trim()}`);
    await wb.shot('zh-06-settings-groups');
    await item.locator('.setting-item-control select, .setting-item-control .monaco-select-box').first().click();
    await wb.page.locator('.monaco-select-box-dropdown-container', { hasText: '2021 年的自定义镜像规范' }).first().waitFor();
    await wb.shot('zh-06b-settings-profile-choices');
    await wb.page.keyboard.press('Escape');
    await wb.runCommand('View: Close All Editors');
  }],

  ['zh-cn: the walkthrough\'s title is Chinese and fits', async (wb) => {
    await wb.runCommand('Welcome: Open Walkthrough...');
    const title = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.zh-cn.json'), 'utf8'))['walkthrough.title'];
    await wb.pick(title);
    await wb.page.locator('.gettingStartedContainer', { hasText: title }).first().waitFor();
    await wb.page.locator('.gettingStartedContainer', { hasText: '创建模型文件夹' }).first().waitFor();
    // The step's page is the Chinese one alone (package.nls.zh-cn.json names it), not the English page above a translation.
    const page = await walkthroughPage(wb, '创建模型文件夹');
    assert.doesNotMatch(page, /Create a model folder|custom image is a folder/, `the page shows English: ${page.slice(0, 300)}`);
    await wb.shot('zh-07-walkthrough');
    await wb.runCommand('View: Close All Editors');
  }],

  ['zh-cn: a half-typed key in config.json: only VS Code\'s JSON syntax errors, one for "pro", none of ours, no schema cascade', async (wb, ctx) => {
    const file = path.join(ctx.ws.online, 'config.json');
    await wb.openFile('online/config.json');
    await untilReport(wb, ctx, (r) => r.diagnostics.every((d) => d.path !== file), 'online/config.json clean at the start');
    await wb.cursorOn('"/greet",');
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.press('Enter');
    /** Every problem of the file once both VS Code's JSON service and our server have answered this text. */
    const settled = async (what) => {
      await untilReport(wb, ctx, (r) => r.diagnostics.some((d) => d.path === file), what);
      await wb.page.waitForTimeout(1500);
      const items = (await report(wb, ctx)).diagnostics.find((d) => d.path === file)?.items ?? [];
      console.log(`   ${what}: ${JSON.stringify(items.map((i) => `${i.source}: ${i.message}`))}`);
      assert.deepEqual(items.filter((i) => i.source === 'modelarts').map((i) => i.message), [], 'none of ours: VS Code shows the syntax');
      assert.ok(!items.some((i) => /must be of type object|object 类型/.test(i.message)), 'no schema cascade');
      return items;
    };
    await wb.page.keyboard.type('"pro', { delay: 30 });
    await wb.page.locator('.editor-instance .view-line', { hasText: '"pro' }).first().waitFor();
    await wb.focusProblems();
    const open = await settled('the quote still open');
    await wb.shot('zh-08-half-key-open-quote');
    await wb.openFile('online/config.json');
    await wb.page.keyboard.press('End');
    await wb.page.keyboard.type('"');
    await wb.page.locator('.editor-instance .view-line', { hasText: '"pro"' }).first().waitFor();
    await wb.focusProblems();
    const closed = await settled('the key "pro" without its colon');
    // How many errors VS Code's own JSON service gives depends on how its auto-closing treated the typed quote (one
    // for `"pro"`, two for `"pro""`); the exact "one problem in all" is held over LSP (test/server/json-syntax-once).
    // Here: something is shown, and all of it is VS Code's.
    assert.ok(closed.length >= 1 && closed.every((i) => i.source !== 'modelarts'), 'VS Code shows the slip, we do not');
    assert.ok(open.length <= 2, `VS Code's own errors for the open quote: ${open.length}`);
    await wb.shot('zh-08b-half-key-one-problem');
    await wb.openFile('online/config.json');
    await wb.runCommand('File: Revert File');
    await untilReport(wb, ctx, (r) => r.diagnostics.every((d) => d.path !== file), 'online/config.json clean again');
  }],

  ['zh-cn: Open Rule Documentation opens the page (Chinese when docs/rules/zh-cn has it)', async (wb) => {
    await wb.runCommand('ModelArts: 打开规则文档');
    await wb.pick('MA104');
    await wb.page.locator('.tabs-container .tab', { hasText: 'MA104' }).first().waitFor();
    const zhPage = fs.existsSync(path.join(REPO, 'docs/rules/zh-cn/MA104.md'));
    const h1 = wb.page.frameLocator('iframe.webview').frameLocator('#active-frame').locator('h1').first();
    await h1.waitFor();
    const head = (await h1.innerText()).trim();
    console.log(`   rule page title (${zhPage ? 'docs/rules/zh-cn exists' : 'no docs/rules/zh-cn yet'}): ${head}`);
    assert.ok(head.startsWith('MA104'), head);
    assert.equal(CJK.test(head), zhPage, zhPage ? 'the Chinese page' : 'the English page (no Chinese page shipped yet)');
    await wb.shot('zh-09-rule-doc');
    await wb.runCommand('View: Close All Editors');
  }],

  ['zh-cn: Build and Test on the online example: Chinese progress, every check green in Test Explorer', async (wb, ctx) => {
    await wb.openFile('online/config.json');
    await wb.runCommand('ModelArts: 构建并测试');
    await wb.page.locator('.notifications-toasts, .statusbar-item', { hasText: /构建/ }).first().waitFor();
    await wb.shot('zh-10-build-and-test-progress');
    const rep = await untilReport(wb, ctx, (r) => r.lastRun?.folder === ctx.ws.online && r.lastRun.done, 'the end of the online run');
    assert.equal(rep.lastRun.passed, true, `online run failed: ${JSON.stringify(rep.lastRun)}`);
    const checks = await checksAllGreen(wb, 'online');
    // The check titles are the conformance report's (engine/steps), each with its zh text.
    assert.deepEqual(checks.filter((r) => !CJK.test(r.label)).map((r) => r.label), [], 'every check label in Chinese');
    await wb.shot('zh-11-test-explorer-online');
  }],
  ['zh-cn: New Model Image Project, then the toast\'s Build and Test: the new folder is tested, the walkthrough ticks both steps '
    + 'and its own Build and Test offers the new folder first',
    async (wb, ctx) => {
      // A newcomer has the walkthrough open (VS Code tracks a walkthrough's steps once it was shown in the window).
      const walkthrough = JSON.parse(fs.readFileSync(path.join(REPO, 'package.nls.zh-cn.json'), 'utf8'))['walkthrough.title'];
      await wb.runCommand('Welcome: Open Walkthrough...');
      await wb.pick(walkthrough);
      await wb.page.locator('.getting-started-step[data-step-id*="buildAndTest"]').first().waitFor();
      // Its page loads in a webview that may take focus: let it be there before the command's prompts open.
      await walkthroughPage(wb, '创建模型文件夹');
      const dir = await newOnlineFolder(wb, ctx, 'ModelArts: 新建模型镜像项目', '在线服务');
      const toast = wb.page.locator('.notifications-toasts .notification-toast', { hasText: '已创建 model-online' }).first();
      await toast.waitFor();
      await wb.shot('zh-12-created-toast');
      await toast.locator('.monaco-button', { hasText: '构建并测试' }).first().click();
      const rep = await untilReport(wb, ctx, (r) => r.lastRun?.folder === dir && r.lastRun.done, 'the end of the new folder\'s run');
      assert.equal(rep.lastRun.passed, true, `model-online run failed: ${JSON.stringify(rep.lastRun)}`);
      await wb.runCommand('Welcome: Open Walkthrough...');
      await wb.pick(walkthrough);
      for (const id of ['createConfig', 'buildAndTest']) {
        await wb.page.locator(`.getting-started-step[data-step-id*="${id}"] .codicon.complete`).first().waitFor();
      }
      await wb.shot('zh-13-walkthrough-steps-ticked');
      // The step's own button, with no editor active: Build and Test asks which folder, the one just created first.
      const step = wb.page.locator('.getting-started-step[data-step-id*="buildAndTest"]').first();
      await step.click();
      await step.locator('button, a', { hasText: '构建并测试' }).first().click();
      const first = wb.page.locator('.quick-input-list .monaco-list-row').first();
      await first.waitFor();
      const text = await first.innerText();
      assert.ok(text.includes('model-online') && text.includes('刚创建'), `the first choice: ${text}`);
      await wb.shot('zh-14-walkthrough-test-asks-new-folder-first');
      await wb.page.keyboard.press('Escape');
      await wb.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    }],
];


// The remote session: the only difference is the (machine) setting modelarts.dockerHost = ssh://root@127.0.0.1:PORT.
export const remoteScenarios = [
  ['workbench opens with modelarts.dockerHost naming an ssh:// engine', async (wb) => {
    await wb.page.locator('.explorer-folders-view .monaco-list-row', { hasText: 'online' }).waitFor();
    await wb.page.locator('.statusbar-item', { hasText: 'ModelArts' }).first().waitFor();
  }],

  ['remote: Build and Test on the online example through the ssh:// engine of the setting: every check green, that engine named in the log',
    async (wb, ctx) => {
      await wb.openFile('online/config.json');
      await wb.runCommand('ModelArts: Build and Test');
      const rep = await untilReport(wb, ctx, (r) => r.lastRun?.folder === ctx.ws.online && r.lastRun.done, 'the end of the online run over ssh://');
      assert.match(rep.lastRun.engine ?? '', /^ssh:\/\/root@127\.0\.0\.1:\d+ /, 'the run\'s report names the ssh:// engine');
      await checksAllGreen(wb, 'online');
      assert.equal(rep.lastRun.passed, true, `online run over ssh:// failed: ${JSON.stringify(rep.lastRun)}`);
      // The engine it used, as the Output channel logged it: the setting's ssh:// address, not a local socket.
      await untilFile(wb, () => filesContaining(ctx.codeServerRoot, 'engine ssh://root@127.0.0.1:').some((f) => /ModelArts.*\.log$/i.test(f)),
        'the Output channel naming the ssh:// engine');
      await wb.shot('remote-01-test-explorer-online-green');
    }],

  ['remote: the setting switched to rootless Podman\'s socket (scripts/podman-up.sh), Build and Test on the online example is green there too',
    async (wb, ctx) => {
      const r = spawnSync('bash', [path.join(REPO, 'scripts/podman-up.sh'), 'socket'], { encoding: 'utf8' });
      assert.equal(r.status, 0, `no Podman service answers (run bash scripts/podman-up.sh): ${r.stderr}`);
      const host = `unix://${r.stdout.trim()}`;
      fs.writeFileSync(ctx.machineSettingsFile, JSON.stringify({ 'modelarts.dockerHost': host }, null, 2));
      // VS Code watches the settings file: the extension sees the new engine without a reload.
      await untilReport(wb, ctx, (x) => x.dockerHost === host, `modelarts.dockerHost = ${host} seen by the extension`);
      await wb.openFile('online/config.json');
      await wb.runCommand('ModelArts: Build and Test');
      const rep = await untilReport(wb, ctx, (x) => x.lastRun?.folder === ctx.ws.online && x.lastRun.done && x.lastRun.engine?.startsWith(host),
        'the end of the online run on Podman');
      assert.equal(rep.lastRun.passed, true, `online run on Podman failed: ${JSON.stringify(rep.lastRun)}`);
      await untilFile(wb, () => filesContaining(ctx.codeServerRoot, `engine ${host}`).some((f) => /ModelArts.*\.log$/i.test(f)),
        'the Output channel naming the Podman socket');
      await wb.shot('remote-02-podman-online-green');
    }],
];
