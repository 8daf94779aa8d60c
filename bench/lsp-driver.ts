// A small LSP client that drives any stdio language server (ours and the peers) the same way: spawn, initialize,
// open/change documents, wait for publishDiagnostics, read the process RSS. The protocol tests' client
// (test/server/lsp.ts) is tied to our server's settings; the benchmarks need one for all three.
import * as fs from 'node:fs';
import { spawn, type ChildProcess } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type ProtocolConnection } from 'vscode-languageserver-protocol/node';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';

export interface ServerSpec {
  name: string;
  /** argv: [script, ...args], run with this node. */
  argv: string[];
  /** Answer to workspace/configuration for a section. */
  section?: (section: string | undefined) => unknown;
  /** Sent as workspace/didChangeConfiguration after `initialized` (push-style settings). */
  pushSettings?: unknown;
  initializationOptions?: unknown;
}

const HANG_GUARD_MS = 30_000;

export class Driver {
  readonly publishes: { at: number; p: PublishDiagnosticsParams }[] = [];
  readonly logs: string[] = [];
  readonly stderr: string[] = [];
  private waiters: (() => void)[] = [];
  private versions = new Map<string, number>();
  initializeMs = 0;

  private constructor(readonly spec: ServerSpec, readonly proc: ChildProcess, readonly conn: ProtocolConnection) {}

  static async start(spec: ServerSpec, root: string): Promise<Driver> {
    const t0 = performance.now();
    const proc = spawn(process.execPath, spec.argv, { stdio: 'pipe' });
    const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const d = new Driver(spec, proc, conn);
    // stderr lines are kept (the last few hundred): a rule that throws is reported there as a process warning.
    proc.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
      d.stderr.push(...chunk.split('\n').filter(Boolean));
      if (d.stderr.length > 500) d.stderr.splice(0, d.stderr.length - 500);
    });
    conn.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      d.publishes.push({ at: performance.now(), p });
      const ws = d.waiters;
      d.waiters = [];
      ws.forEach((w) => w());
    });
    conn.onNotification('window/logMessage', (p: { message: string }) => void d.logs.push(p.message));
    conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => spec.section?.(i.section) ?? null));
    conn.onRequest('client/registerCapability', () => null);
    conn.onRequest('window/workDoneProgress/create', () => null);
    conn.listen();
    const rootUri = pathToFileURL(root).href;
    await conn.sendRequest('initialize', {
      processId: process.pid,
      locale: 'en',
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: 'bench' }],
      initializationOptions: spec.initializationOptions,
      capabilities: {
        workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true }, synchronization: { dynamicRegistration: true } },
      },
    });
    d.initializeMs = performance.now() - t0;
    await conn.sendNotification('initialized', {});
    if (spec.pushSettings !== undefined) await conn.sendNotification('workspace/didChangeConfiguration', { settings: spec.pushSettings });
    return d;
  }

  mark(): number {
    return this.publishes.length;
  }

  /** The publishes that came after `p` (one returned by waitPublish). */
  publishesAfter(p: PublishDiagnosticsParams): PublishDiagnosticsParams[] {
    const i = this.publishes.findIndex((x) => x.p === p);
    return this.publishes.slice(i + 1).map((x) => x.p);
  }

  /** The first publish for `uri` from index `since` on (and for `version` when the server reports versions). */
  waitPublish(uri: string, since: number, version?: number, timeoutMs = HANG_GUARD_MS): Promise<{ at: number; p: PublishDiagnosticsParams }> {
    return new Promise((resolve, reject) => {
      const guard = setTimeout(() => reject(new Error(`${this.spec.name}: no publish for ${uri}`)), timeoutMs);
      const check = () => {
        const hit = this.publishes.slice(since).find((x) => x.p.uri === uri && (version === undefined || x.p.version === undefined || x.p.version === version));
        if (hit) {
          clearTimeout(guard);
          resolve(hit);
        } else this.waiters.push(check);
      };
      check();
    });
  }

  async open(file: string, languageId: string, text: string): Promise<string> {
    const uri = pathToFileURL(file).href;
    this.versions.set(uri, 1);
    await this.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return uri;
  }

  async change(uri: string, text: string): Promise<number> {
    const v = (this.versions.get(uri) ?? 0) + 1;
    this.versions.set(uri, v);
    await this.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [{ text }] });
    return v;
  }

  /** Resident set size in MB (Linux /proc). */
  rssMB(): number {
    const status = fs.readFileSync(`/proc/${this.proc.pid}/status`, 'utf8');
    const m = /VmRSS:\s+(\d+) kB/.exec(status);
    return m ? Number(m[1]) / 1024 : NaN;
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.conn.sendRequest('shutdown'), new Promise((r) => setTimeout(r, 2000))]);
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
