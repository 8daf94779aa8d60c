// Headless Debian Chromium (playwright-core) on the code-server workbench, and the few gestures a person makes:
// the command palette, quick open, the Problems panel, the quick-fix menu, Test Explorer. The DOM selectors are
// VS Code internals, pinned by the code-server version that scripts/e2e-setup.sh installs.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

const BROWSER_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
  // Chromium resolves Google hosts at startup despite the flags above: make every non-loopback name fail locally.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
  '--disable-features=AutofillServerCommunication,OptimizationHints,MediaRouter,Translate',
  '--disable-domain-reliability', '--disable-client-side-phishing-detection', '--no-pings',
];

/**
 * The test-only report command (client/src/e2eReport.ts) is registered only when the suite sets
 * MODELARTS_E2E_REPORT and has no palette entry: the suite binds it to this key in the user's keybindings.json.
 */
export const REPORT_KEY = { binding: 'ctrl+alt+shift+f9', press: 'Control+Alt+Shift+F9', command: 'modelarts.e2eReport' };

export class Workbench {
  static async open(url, { executablePath, shotsDir, timeout }) {
    const browser = await chromium.launch({ executablePath, headless: true, args: BROWSER_ARGS });
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(timeout);
    const wb = new Workbench(browser, page, shotsDir, timeout);
    page.on('request', (r) => {
      const u = new URL(r.url());
      // Webview resources (markdown preview) use *.vscode-resource.vscode-cdn.net URLs that VS Code's service
      // worker answers inside the browser; they never reach the network (and DNS is blocked anyway).
      const loopback = ['127.0.0.1', 'localhost'].includes(u.hostname);
      if (/^(https?|wss?):$/.test(u.protocol) && !loopback && !u.hostname.endsWith('.vscode-resource.vscode-cdn.net')) wb.externalRequests.push(r.url());
    });
    await page.goto(url);
    await page.locator('.monaco-workbench').waitFor();
    return wb;
  }

  constructor(browser, page, shotsDir, timeout) {
    this.browser = browser;
    this.page = page;
    this.shotsDir = shotsDir;
    this.timeout = timeout;
    this.shots = [];
    this.externalRequests = [];
    fs.mkdirSync(shotsDir, { recursive: true });
  }

  async close() { await this.browser.close().catch(() => {}); }

  async shot(name) {
    const file = path.join(this.shotsDir, `${name}.png`);
    await this.page.screenshot({ path: file });
    this.shots.push(file);
    console.log(`   screenshot ${path.relative(process.cwd(), file)}`);
  }

  async quickInput(text) {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    await input.fill(text);
    return input;
  }

  /** Keys typed while a webview (markdown preview) has focus stay in its iframe: take focus back first. */
  async leaveWebview() {
    if (await this.page.evaluate(() => document.activeElement?.tagName === 'IFRAME')) {
      await this.page.locator('.part.sidebar .composite.title').first().click();
    }
  }

  /** Takes the keyboard back for the workbench: out of a webview and the test peek, any open widget closed. */
  async takeKeyboard() {
    await this.leaveWebview();
    // The test-failure peek renders its output in a terminal that keeps the keyboard: move focus out first.
    if (await this.page.locator('.peekview-widget').first().isVisible().catch(() => false)) {
      await this.page.locator('.tabs-container .tab.active').first().click();
      await this.page.keyboard.press('Escape');
    }
    await this.page.keyboard.press('Escape');
  }

  /** Presses a key chord bound to a command (Playwright's names: "Control+Alt+Shift+F9"). */
  async pressKey(chord) {
    await this.takeKeyboard();
    await this.page.keyboard.press(chord);
  }

  /** Runs a command from the palette by its full title ("ModelArts: Build and Test"). */
  async runCommand(title) {
    await this.takeKeyboard();
    await this.page.keyboard.press('F1');
    await this.quickInput(`>${title}`);
    await this.page.locator('.quick-input-list .monaco-list-row.focused', { hasText: title }).waitFor();
    await this.page.keyboard.press('Enter');
  }

  /** Picks a row of an open quick pick (a command's own prompt). */
  async pick(text, { filter = true } = {}) {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible' });
    // The palette that ran the command shares the widget: wait until the command's own prompt has replaced it.
    await this.page.waitForFunction(() => !document.querySelector('.quick-input-widget input')?.value.startsWith('>'));
    if (filter) await input.fill(text);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: text }).first().click();
  }

  /** Opens a workspace file by its relative path through Quick Open and waits for its focused editor. */
  async openFile(relPath) {
    await this.leaveWebview();
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('Control+P');
    await this.quickInput(relPath);
    const name = path.basename(relPath);
    const dir = path.dirname(relPath);
    // The row whose description is exactly the folder: "online" must not pick "model-online/config.json".
    const rows = this.page.locator('.quick-input-list .monaco-list-row', { hasText: name });
    const row = dir === '.' ? rows : rows.filter({ has: this.page.locator('.label-description',
      { hasText: new RegExp(`^${dir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) }) });
    await row.first().waitFor();
    await row.first().click();
    await this.page.locator(`.editor-group-container.active .tab.active[aria-label^="${name}"]`).waitFor();
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  async focusProblems() {
    await this.runCommand('View: Focus Problems (Errors, Warnings, Infos)');
    await this.page.locator('.markers-panel').waitFor();
  }

  /** The Problems panel as a person reads it (every visible row's text). */
  async problemsText() {
    return this.page.locator('.markers-panel').innerText();
  }

  /** Waits until the Problems panel text satisfies pred (it updates as the server re-checks). */
  async waitForProblems(pred, what) {
    const deadline = Date.now() + this.timeout;
    let text = '';
    while (Date.now() < deadline) {
      text = await this.problemsText().catch(() => '');
      if (pred(text)) return text;
      await this.page.waitForTimeout(250);
    }
    throw new Error(`Problems panel never showed ${what}; it shows:\n${text}`);
  }

  /** Puts the cursor on the first occurrence of text in the active editor (Find, then close the find widget). */
  async cursorOn(text) {
    await this.page.keyboard.press('Control+F');
    const find = this.page.locator('.find-widget .input').first();
    await find.waitFor({ state: 'visible' });
    await this.page.keyboard.type(text);
    await this.page.keyboard.press('Enter');
    await this.page.keyboard.press('Escape');
    await this.page.locator('.editor-instance .monaco-editor.focused').waitFor();
  }

  /** Opens the quick-fix menu at the cursor and applies the entry whose title contains text (by keyboard). */
  async quickFix(text, beforeApply) {
    await this.page.keyboard.press('Control+.');
    const item = this.page.locator('.action-widget .monaco-list-row', { hasText: text });
    await item.first().waitFor();
    await this.applyShownQuickFix(text, beforeApply);
  }

  /** In the quick-fix menu already open (and showing it), applies the entry whose title contains text. */
  async applyShownQuickFix(text, beforeApply) {
    if (beforeApply) await beforeApply();
    for (let i = 0; i < 20; i++) {
      if (await this.page.locator('.action-widget .monaco-list-row.focused', { hasText: text }).count()) {
        await this.page.keyboard.press('Enter');
        return;
      }
      await this.page.keyboard.press('ArrowDown');
    }
    throw new Error(`no quick fix "${text}" could be focused`);
  }

  async save() { await this.page.keyboard.press('Control+S'); }

  /** The Test Explorer tree: each row's label and its state from the row's status icon. */
  async testTree() {
    return this.page.locator('.test-explorer .monaco-list-row').evaluateAll((rows) => rows.map((r) => {
      const icon = r.querySelector('.codicon[class*="codicon-testing-"]');
      const state = icon ? (/codicon-testing-(\w+)-icon/.exec(icon.className)?.[1] ?? '') : '';
      return { label: r.querySelector('.label, .monaco-icon-label')?.textContent?.trim() ?? r.textContent?.trim() ?? '', state,
        level: Number(r.getAttribute('aria-level') ?? 0), expanded: r.getAttribute('aria-expanded') };
    }));
  }
}
