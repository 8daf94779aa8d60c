// The same config.json verdicts through the real language server (JSON-RPC over stdio): a config nested
// 100,000 levels deep, a GBK file as VS Code shows it (undecodable bytes as U+FFFD), a bare apis list beside a
// lower-case dockerfile, and a comment line wrapped onto the next line.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import * as fs from 'node:fs';
import type { CodeAction, Hover } from 'vscode-languageserver-protocol';
import { LspClient, codes, uriOf } from './lsp';
import { removeFolder, tempFolder } from '../helpers/tmp';

const DOCKERFILE = 'FROM python:3.9\nCMD ["python", "/app/serve.py"]\n';
const API = { url: '/', method: 'post', request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' } };

describe('config.json faces over LSP', () => {
  let dir: string;
  let c: LspClient;

  before(async () => {
    dir = tempFolder({ 'arr/config.json': JSON.stringify([API]), 'arr/dockerfile': DOCKERFILE, 'deep/Dockerfile': DOCKERFILE });
    c = await LspClient.start({ roots: [dir] });
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  it('a config nested 100,000 levels deep: MA100 "nested too deep" is published, and the server still answers', async () => {
    const file = path.join(dir, 'deep', 'config.json');
    await c.open(file, '{"model_type": "Image", "x": ' + '['.repeat(100000) + ']'.repeat(100000) + '}');
    const p = await c.waitForFile(file, 0, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['MA100']);
    assert.match(p.diagnostics[0].message, /nested more than/);
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 0, character: 3 } });
    assert.ok(h === null || typeof h === 'object');
    assert.equal(c.proc.exitCode, null, 'the server is alive');
  });

  it('a GBK config.json as VS Code shows it (U+FFFD): one MA100 "not UTF-8", no garbage findings', async () => {
    const file = path.join(dir, 'gbk', 'config.json');
    await c.open(file, '{\n  "model_algorithm": "\ufffd\ufffd\ufffd\ufffd",\n  "model_type": "Image"\n}\n');
    const p = await c.waitForFile(file, 0, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['MA100']);
    assert.match(p.diagnostics[0].message, /not UTF-8/);
    assert.equal(p.diagnostics[0].range.start.line, 1);
  });

  it('a bare apis list beside a lower-case dockerfile: MA102 on the config, and the dockerfile gets its findings', async () => {
    const cfg = path.join(dir, 'arr', 'config.json');
    const df = path.join(dir, 'arr', 'dockerfile');
    await c.open(df, DOCKERFILE);
    const p = await c.waitForFile(cfg, 0, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['MA102']);
    const d = await c.waitForFile(df, 0, (x) => x.diagnostics.length > 0);
    assert.ok(d.diagnostics.length > 0);
  });

  it('a wrapped comment line: one finding that says it continues the comment, and the real typo below', async () => {
    const file = path.join(dir, 'wrap', 'config.json');
    const text = '{\n  "model_algorithm": "a",\n  "model_type": "Image",\n  //Model reference API, including the request and\n  response API\n' +
      '  "apis": [{"url": "/", "method": "post", "request": {"Content-type": "applicaton/json"}}],\n  "health": {"url": "/health"}\n}\n';
    // As a file on disk (VS Code's JSON service shows nothing for it): every finding is published.
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    const since = c.mark();
    await c.open(path.join(dir, 'wrap', 'Dockerfile'), DOCKERFILE);
    const p = await c.waitForFile(file, since, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p).filter((x) => x.startsWith('MA1')), ['MA100', 'MA100', 'MA115']);
    assert.ok(p.diagnostics.some((x) => x.range.start.line === 4 && /continues the comment above/.test(x.message)));
    // Open in json mode, VS Code shows the syntax errors: only the typo is ours, and the join fix stays on the line.
    const open = c.mark();
    await c.open(file, text);
    const q = await c.waitForFile(file, open);
    assert.deepEqual(codes(q).filter((x) => x.startsWith('MA1')), ['MA115']);
    const range = { start: { line: 4, character: 2 }, end: { line: 4, character: 2 } };
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri: uriOf(file) }, range, context: { diagnostics: [] } });
    assert.ok(actions.some((a) => a.title === 'Join it to the comment above'), JSON.stringify(actions.map((a) => a.title)));
  });
});
