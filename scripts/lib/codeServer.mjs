// code-server (a real VS Code workbench with a remote extension host) in an isolated temp root: its own HOME, XDG
// dirs, TMPDIR, user data and extensions; bound to a free loopback port; killed by process group at the end.
// Shared by the e2e suite (test/e2e/run.mjs) and `npm run try` (scripts/try.mjs).
import { spawn } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

export class CodeServer {
  /**
   * @param {{bin: string, root: string, settingsFile: string, keybindings?: {key: string, command: string}[],
   *   extraEnv?: Record<string,string>, machineSettings?: Record<string, unknown>}} o
   * machineSettings: the Machine settings of the server side. In a remote window (code-server is one) VS Code reads a
   * machine-scoped setting (modelarts.dockerHost, dockerTunnel) from there, never from the User settings.
   */
  constructor(o) {
    this.bin = o.bin;
    this.root = o.root;
    this.dirs = {
      home: path.join(o.root, 'home'),
      userData: path.join(o.root, 'user-data'),
      extensions: path.join(o.root, 'extensions'),
      tmp: path.join(o.root, 'tmp'),
    };
    for (const d of Object.values(this.dirs)) fs.mkdirSync(d, { recursive: true });
    fs.mkdirSync(path.join(this.dirs.userData, 'User'), { recursive: true });
    fs.copyFileSync(o.settingsFile, path.join(this.dirs.userData, 'User', 'settings.json'));
    if (o.machineSettings) {
      fs.mkdirSync(path.join(this.dirs.userData, 'Machine'), { recursive: true });
      fs.writeFileSync(path.join(this.dirs.userData, 'Machine', 'settings.json'), JSON.stringify(o.machineSettings, null, 2));
    }
    if (o.keybindings) fs.writeFileSync(path.join(this.dirs.userData, 'User', 'keybindings.json'), JSON.stringify(o.keybindings, null, 2));
    this.logFile = path.join(o.root, 'code-server.log');
    this.env = {
      ...process.env,
      HOME: this.dirs.home,
      XDG_CONFIG_HOME: path.join(this.dirs.home, '.config'),
      XDG_DATA_HOME: path.join(this.dirs.home, '.local/share'),
      TMPDIR: this.dirs.tmp,
      // The marketplace points at a dead loopback port: nothing ever reaches out to open-vsx.org.
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: 'http://127.0.0.1:9/gallery', itemUrl: 'http://127.0.0.1:9/item' }),
      ...o.extraEnv,
    };
    this.common = ['--user-data-dir', this.dirs.userData, '--extensions-dir', this.dirs.extensions];
  }

  run(args) {
    return new Promise((resolve, reject) => {
      const p = spawn(this.bin, [...this.common, ...args], { env: this.env, stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d) => (out += d));
      p.stderr.on('data', (d) => (out += d));
      p.on('error', reject);
      p.on('exit', (code) => (code === 0 ? resolve(out) : reject(new Error(`code-server ${args.join(' ')} -> ${code}\n${out}`))));
    });
  }

  async installExtension(vsix) {
    const out = await this.run(['--install-extension', vsix, '--force']);
    if (!/successfully installed/i.test(out)) throw new Error(`the .vsix did not install:\n${out}`);
    return out;
  }

  /**
   * Lists the installed language packs in user-data/languagepacks.json, as VS Code's LanguagePacksCache does when a
   * pack is installed through the running server; `--install-extension` on the command line skips that step, and
   * without the list `--locale` falls back to English. Same fields, same hash (md5 of id and version).
   */
  cacheLanguagePacks() {
    const packs = {};
    for (const name of fs.readdirSync(this.dirs.extensions)) {
      const dir = path.join(this.dirs.extensions, name);
      const manifest = path.join(dir, 'package.json');
      if (!fs.existsSync(manifest)) continue;
      const m = JSON.parse(fs.readFileSync(manifest, 'utf8'));
      const id = `${m.publisher}.${m.name}`;
      for (const l of m.contributes?.localizations ?? []) {
        const hash = crypto.createHash('md5').update(id).update(m.version).digest('hex');
        packs[l.languageId] = {
          hash, extensions: [{ extensionIdentifier: { id }, version: m.version }], label: l.localizedLanguageName ?? l.languageName,
          translations: Object.fromEntries(l.translations.map((t) => [t.id, path.join(dir, t.path)])),
        };
      }
    }
    fs.writeFileSync(path.join(this.dirs.userData, 'languagepacks.json'), JSON.stringify(packs));
    return Object.keys(packs);
  }

  /**
   * Starts code-server on a folder and resolves with its URL once /healthz answers; `locale`: VS Code's display
   * language. With a password, code-server asks for it (it reads it from $PASSWORD: never on a command line, never in
   * a file of ours).
   */
  async start(folder, { trust = false, password, locale } = {}) {
    this.port = await freePort();
    const log = fs.createWriteStream(this.logFile);
    this.proc = spawn(this.bin, [
      ...this.common,
      '--bind-addr', `127.0.0.1:${this.port}`, '--auth', password ? 'password' : 'none',
      '--disable-telemetry', '--disable-update-check', ...(trust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override', '--disable-proxy', '--ignore-last-opened',
      ...(locale ? ['--locale', locale] : []),
      folder,
    ], {
      env: password ? { ...this.env, PASSWORD: password } : this.env,
      stdio: ['ignore', 'pipe', 'pipe'], detached: true, // own process group: kill(-pid)
    });
    this.proc.stdout.pipe(log);
    this.proc.stderr.pipe(log);
    const exited = new Promise((_, reject) => this.proc.once('exit',
      (c) => reject(new Error(`code-server exited (${c}) before it served; see ${this.logFile}`))));
    const up = (async () => {
      for (;;) {
        try { if ((await fetch(`http://127.0.0.1:${this.port}/healthz`)).ok) return; } catch { /* not listening yet */ }
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await Promise.race([up, exited]);
    return `http://127.0.0.1:${this.port}/?folder=${encodeURIComponent(folder)}`;
  }

  /** code-server = launcher -> server -> extension host -> language server: end the whole group, by its id. */
  async stop() {
    const p = this.proc;
    if (!p?.pid) return;
    const exited = new Promise((r) => (p.exitCode !== null ? r() : p.once('exit', r)));
    try { process.kill(-p.pid, 'SIGTERM'); } catch { /* already gone */ }
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    try { process.kill(-p.pid, 'SIGKILL'); } catch { /* group already empty */ }
  }

  /** The extension host logs: what to read when activation fails. */
  extensionHostLogs() {
    const out = [];
    const logs = path.join(this.dirs.userData, 'logs');
    if (!fs.existsSync(logs)) return out;
    for (const d of fs.readdirSync(logs)) {
      const dir = path.join(logs, d, 'exthost1');
      if (!fs.existsSync(dir)) continue;
      for (const f of fs.readdirSync(dir, { recursive: true })) {
        const full = path.join(dir, String(f));
        if (fs.statSync(full).isFile() && full.endsWith('.log')) out.push({ file: full, text: fs.readFileSync(full, 'utf8') });
      }
    }
    return out;
  }
}
