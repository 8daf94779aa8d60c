// A minimal LSP client for the protocol tests: spawns `node dist/server.js --stdio` and speaks JSON-RPC with it
// through vscode-languageserver-protocol, answering workspace/configuration from `settings`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver-protocol/node';
import type { InitializeResult, PublishDiagnosticsParams, Diagnostic, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { repoRoot } from '../helpers/tmp';

const serverJs = path.join(repoRoot, 'dist', 'server.js');

function newestMtime(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

/** Builds dist/ when the server bundle is missing or older than its sources (npm test builds first anyway). */
export function ensureBuilt(): void {
  const built = fs.existsSync(serverJs) ? fs.statSync(serverJs).mtimeMs : 0;
  const sources = Math.max(newestMtime(path.join(repoRoot, 'core')), newestMtime(path.join(repoRoot, 'server', 'src')),
    fs.statSync(path.join(repoRoot, 'schemas')).mtimeMs);
  if (built >= sources) return;
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('npm run build failed');
}

export const uriOf = (file: string): string => pathToFileURL(file).href;

/** A diagnostic as this client gets it: it announces no markupMessageSupport, so every message is a plain string. */
export type PlainDiagnostic = Diagnostic & { message: string };
export type Publish = Omit<PublishDiagnosticsParams, 'diagnostics'> & { diagnostics: PlainDiagnostic[] };

/** Guards against a hang only (a missing publish would otherwise wait forever); never a performance assertion. */
const HANG_GUARD_MS = 60_000;

export interface StartOptions {
  roots: string[];
  locale?: string;
  settings?: Record<string, unknown>;
  /** Skip the freshness check of dist/ (the benchmark checks once, then times spawn -> initialize alone). */
  noBuild?: boolean;
  /** stdio (default) or node-ipc. */
  transport?: 'stdio' | 'ipc';
}

export class LspClient {
  readonly publishes: Publish[] = [];
  readonly logs: string[] = [];
  settings: Record<string, unknown>;
  /** Other sections the server may pull (`json.validate.enable`): absent ones answer null, as an unset setting. */
  readonly sections: Record<string, unknown> = {};
  configurationRequests = 0;
  initializeResult!: InitializeResult;
  private readonly versions = new Map<string, number>();
  private waiters: (() => void)[] = [];

  private constructor(readonly proc: ChildProcess, readonly conn: ProtocolConnection, settings: Record<string, unknown>) {
    this.settings = settings;
  }

  static async start(o: StartOptions): Promise<LspClient> {
    if (!o.noBuild) ensureBuilt();
    const ipc = o.transport === 'ipc';
    const proc = spawn(process.execPath, [serverJs, ipc ? '--node-ipc' : '--stdio'], { stdio: ipc ? ['ignore', 'ignore', 'pipe', 'ipc'] : 'pipe' });
    proc.stderr!.on('data', () => undefined);
    const conn = ipc
      ? createProtocolConnection(new IPCMessageReader(proc), new IPCMessageWriter(proc))
      : createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const c = new LspClient(proc, conn, o.settings ?? {});
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      c.publishes.push(p as Publish);
      const ws = c.waiters;
      c.waiters = [];
      ws.forEach((w) => w());
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => void c.logs.push(p.message));
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => {
      c.configurationRequests++;
      return p.items.map((i) => (i.section === 'modelarts' ? c.settings : c.sections[i.section ?? ''] ?? null));
    });
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.listen();
    c.initializeResult = await conn.sendRequest('initialize', {
      processId: process.pid,
      locale: o.locale ?? 'en',
      rootUri: o.roots[0] ? uriOf(o.roots[0]) : null,
      workspaceFolders: o.roots.map((r) => ({ uri: uriOf(r), name: path.basename(r) })),
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          didChangeWatchedFiles: { dynamicRegistration: true },
          workspaceEdit: { documentChanges: true },
          workspaceFolders: true,
        },
        textDocument: {
          publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true },
          completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } }, isPreferredSupport: true, dataSupport: true },
        },
      },
    });
    await conn.sendNotification('initialized', {});
    return c;
  }

  /** The index of the next publish: pass it to waitFor to look only at what comes after. */
  mark(): number {
    return this.publishes.length;
  }

  /** The first publish from `since` on that matches. */
  waitFor(pred: (p: Publish) => boolean, since = 0, what = 'a matching publishDiagnostics'): Promise<Publish> {
    return new Promise((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`no ${what}; got ${JSON.stringify(this.publishes.slice(since).map(brief))}; server log: ` +
        `${this.logs.slice(-5).join('\n')}`)), HANG_GUARD_MS);
      const check = (): void => {
        const hit = this.publishes.slice(since).find(pred);
        if (hit) {
          clearTimeout(guard);
          resolve(hit);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  waitForFile(file: string, since = 0, pred: (p: Publish) => boolean = () => true): Promise<Publish> {
    const uri = uriOf(file);
    return this.waitFor((p) => p.uri === uri && pred(p), since, `publish for ${path.basename(file)}`);
  }

  publishesFor(file: string, since = 0): Publish[] {
    const uri = uriOf(file);
    return this.publishes.slice(since).filter((p) => p.uri === uri);
  }

  version(file: string): number {
    return this.versions.get(file) ?? 0;
  }

  async open(file: string, text: string, languageId = path.basename(file).endsWith('.json') ? 'json' : 'dockerfile'): Promise<void> {
    this.versions.set(file, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(file), languageId, version: 1, text } });
  }

  /** Replaces the whole text (a full-content change event). */
  async change(file: string, text: string): Promise<number> {
    const v = this.version(file) + 1;
    this.versions.set(file, v);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version: v }, contentChanges: [{ text }] });
    return v;
  }

  /** An incremental change: replaces `range` with `text`, as VS Code sends while typing. */
  async edit(file: string, range: { start: { line: number; character: number }; end: { line: number; character: number } }, text: string): Promise<number> {
    const v = this.version(file) + 1;
    this.versions.set(file, v);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri: uriOf(file), version: v }, contentChanges: [{ range, text }] });
    return v;
  }

  async close(file: string): Promise<void> {
    this.versions.delete(file);
    await this.conn.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(file) } });
  }

  async watchedChanged(file: string, type: 1 | 2 | 3 = 2): Promise<void> {
    await this.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(file), type }] });
  }

  async setSettings(settings: Record<string, unknown>): Promise<void> {
    this.settings = settings;
    await this.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  request<R>(method: string, params: unknown): Promise<R> {
    return this.conn.sendRequest(method, params) as Promise<R>;
  }

  async stop(): Promise<void> {
    try {
      await this.conn.sendRequest('shutdown');
      await this.conn.sendNotification('exit');
    } catch {
      // already gone
    }
    this.conn.dispose();
    if (this.proc.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => {
          this.proc.kill();
          resolve();
        }, 2000);
        this.proc.once('exit', () => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }
}

const brief = (p: PublishDiagnosticsParams) => ({ uri: path.basename(p.uri), version: p.version, codes: p.diagnostics.map((d) => d.code) });

export const codes = (p: PublishDiagnosticsParams): string[] => p.diagnostics.map((d) => String(d.code)).sort();
export const find = (p: Publish, code: string): PlainDiagnostic | undefined => p.diagnostics.find((d) => d.code === code);

/** Applies LSP text edits to a text (offsets computed on the original text, applied back to front). */
export function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (line: number, ch: number): number => {
    let o = 0;
    for (let i = 0; i < line; i++) o += lines[i].length + 1;
    return o + ch;
  };
  const sorted = edits
    .map((e) => ({ s: offset(e.range.start.line, e.range.start.character), e: offset(e.range.end.line, e.range.end.character), t: e.newText }))
    .sort((a, b) => b.s - a.s);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

/** The edits a WorkspaceEdit makes to one document, whichever form it uses. */
export function editsFor(edit: WorkspaceEdit, file: string): TextEdit[] {
  const uri = uriOf(file);
  const out: TextEdit[] = [...(edit.changes?.[uri] ?? [])];
  for (const dc of edit.documentChanges ?? []) {
    if ('textDocument' in dc && dc.textDocument.uri === uri) out.push(...(dc.edits as TextEdit[]));
  }
  return out;
}
