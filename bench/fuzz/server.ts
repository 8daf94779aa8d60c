// The server fuzz round: a spawned dist/server.js gets random incremental edits, whole-text replacements by
// mutated files, and completion/hover/code-action requests at random places. Counted as a crash: the process
// exiting, a request answered with an error, the server logging that a check or handler failed, or a rule
// exception on its stderr (the check swallows it so the editor goes on; the fuzzer must not). Every
// request must be answered and the last version of each document must get its diagnostics.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { Driver, type ServerSpec } from '../lsp-driver';
import { Rng } from './prng';
import { mutate } from './mutate';
import { kindOf, type FuzzSummary } from './core';
import type { SeedFolder } from './seeds';
import { isModelArtsConfigText } from '../../core/folders';

const repo = path.resolve(__dirname, '..', '..');
const OUR_SERVER: ServerSpec = {
  name: 'ours', argv: [path.join(repo, 'dist', 'server.js'), '--stdio'], section: (s) => (s === 'modelarts' ? {} : null),
};
const FAILURE_LOG = /failed|uncaught|unhandled|exception/i;
/** A rule exception, as the server reports it on stderr (core/rules/isolate.ts). */
const RULE_ERROR = /ModelArtsRuleError|rule \S+ failed on /;

interface Doc { file: string; uri: string; doc: TextDocument; seedText: string }

type ServerSummary = FuzzSummary & { requests: number; publishes: number };

export async function runServerRound(seeds: SeedFolder[], o: { seed: number; count: number; scale?: number }): Promise<ServerSummary> {
  const r0 = new Rng(o.seed);
  const seed = seeds.find((s) => s.files['config.json'] !== undefined && s.files['Dockerfile'] !== undefined && r0.chance(0.3)) ?? seeds[0];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-fuzz-'));
  for (const [rel, text] of Object.entries(seed.files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const sum: ServerSummary = { cases: 0, crashes: [], slowestMs: 0, slowestCase: '', overOneSecond: 0, ms: 0, requests: 0, publishes: 0 };
  const t0 = performance.now();
  const d = await Driver.start(OUR_SERVER, dir);
  let exited = false;
  d.proc.once('exit', () => (exited = true));
  const crash = (index: number, file: string, ops: string[], error: string) =>
    sum.crashes.push({
      seed: o.seed, index, from: `server:${seed.name}`, file, ops, error, files: Object.fromEntries(docs.map((x) => [path.basename(x.file), x.doc.getText()])),
    });
  const time = (ms: number, what: string) => {
    if (ms > sum.slowestMs) {
      sum.slowestMs = ms;
      sum.slowestCase = what;
    }
    if (ms > 1000) sum.overOneSecond++;
  };
  const docs: Doc[] = [];
  try {
    for (const name of ['config.json', 'Dockerfile']) {
      const file = path.join(dir, name);
      const text = seed.files[name] ?? '';
      const uri = pathToFileURL(file).href;
      docs.push({ file, uri, doc: TextDocument.create(uri, name.endsWith('.json') ? 'json' : 'dockerfile', 1, text), seedText: text });
      await d.open(file, name.endsWith('.json') ? 'json' : 'dockerfile', text);
    }
    const lastChange = new Map<string, { at: number; version: number; mark: number }>();
    const settle = async (x: Doc, index: number) => {
      const c = lastChange.get(x.uri);
      if (!c) return;
      // Only ModelArts files are checked: once config.json loses model_type/apis the folder is left alone.
      const checked = isModelArtsConfigText(docs[0].doc.getText());
      const hit = await d.waitPublish(x.uri, c.mark, c.version, checked ? 30_000 : 300).catch(() => undefined);
      lastChange.delete(x.uri);
      if (!hit && !checked) return;
      if (!hit) return crash(index, path.basename(x.file), ['settle'], `no diagnostics for version ${c.version} of ${path.basename(x.file)}`);
      sum.publishes++;
      time(hit.at - c.at, `${o.seed}:${index} publish of ${path.basename(x.file)} v${c.version} (${x.doc.getText().length} chars)`);
    };
    for (let i = 0; i < o.count && !exited; i++) {
      const r = Rng.forCase(o.seed, i);
      const x = r.pick(docs);
      const text = x.doc.getText();
      const roll = r.next();
      sum.cases++;
      if (roll < 0.75) {
        // An edit: a random range replaced by a mutation of a slice, or the whole text by a mutated seed.
        let change: { range?: { start: { line: number; character: number }; end: { line: number; character: number } }; text: string };
        if (roll < 0.6) {
          const a = r.int(text.length + 1);
          const b = Math.min(text.length, a + r.int(r.chance(0.8) ? 8 : 400));
          const m = mutate(text.slice(a, b + r.int(40)), kindOf(x.file), r, (o.scale ?? 1) * 0.1);
          change = { range: { start: x.doc.positionAt(a), end: x.doc.positionAt(b) }, text: m.text };
        } else {
          const m = mutate(x.seedText, kindOf(x.file), r, o.scale ?? 1);
          change = { text: m.text };
        }
        const version = x.doc.version + 1;
        x.doc = TextDocument.update(x.doc, [change], version);
        const mark = d.mark();
        const at = performance.now();
        await d.conn.sendNotification('textDocument/didChange', { textDocument: { uri: x.uri, version }, contentChanges: [change] });
        lastChange.set(x.uri, { at, version, mark });
        if (i % 5 === 4) await settle(x, i);
      } else {
        const method = r.pick(['textDocument/completion', 'textDocument/hover', 'textDocument/codeAction']);
        const pos = x.doc.positionAt(r.int(text.length + 1));
        const last = [...d.publishes].reverse().find((p) => p.p.uri === x.uri)?.p.diagnostics ?? [];
        const diags: Diagnostic[] = last.length && r.chance(0.7) ? [r.pick(last)] : [];
        const params =
          method === 'textDocument/codeAction'
            ? { textDocument: { uri: x.uri }, range: diags[0]?.range ?? { start: pos, end: pos }, context: { diagnostics: diags } }
            : { textDocument: { uri: x.uri }, position: pos };
        const at = performance.now();
        try {
          await Promise.race([
            d.conn.sendRequest(method, params),
            new Promise((_, rej) => setTimeout(() => rej(new Error(`${method} not answered in 30 s`)), 30_000)),
          ]);
          sum.requests++;
          time(performance.now() - at, `${o.seed}:${i} ${method} in ${path.basename(x.file)}`);
        } catch (e) {
          crash(i, path.basename(x.file), [method], `${method} at ${pos.line}:${pos.character}: ${(e as Error).message}`);
        }
      }
      for (const line of d.logs.splice(0)) if (FAILURE_LOG.test(line)) crash(i, path.basename(x.file), ['log'], line.split('\n').slice(0, 6).join('\n'));
      for (const line of d.stderr.splice(0)) if (RULE_ERROR.test(line)) crash(i, path.basename(x.file), ['rule'], line);
    }
    for (const x of docs) await settle(x, o.count);
    if (exited) crash(sum.cases, '', ['exit'], `the server exited (code ${d.proc.exitCode})`);
    for (const line of d.logs.splice(0)) if (FAILURE_LOG.test(line)) crash(o.count, '', ['log'], line.split('\n').slice(0, 6).join('\n'));
    for (const line of d.stderr.splice(0)) if (RULE_ERROR.test(line)) crash(o.count, '', ['rule'], line);
  } finally {
    await d.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  sum.ms = performance.now() - t0;
  return sum;
}
