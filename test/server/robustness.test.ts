// Bad input over LSP: a 50 MB config.json and binary files give a clear finding, never a crash, and the server
// keeps answering requests afterwards.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { LspClient, codes, uriOf } from './lsp';
import { removeFolder, tempFolder } from '../helpers/tmp';

const SMALL = '{\n  "model_type": "Image",\n  "model_algorithm": "object_detection",\n  "apis": [{ "url": "/p", "method": "post" }],\n' +
  '  "health": { "url": "/health" }\n}\n';

describe('large and binary input', () => {
  let dir: string;
  let c: LspClient;

  before(async () => {
    dir = tempFolder({ 'ok/config.json': SMALL });
    c = await LspClient.start({ roots: [dir] });
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  /** The server still serves: hover on a small config answers with its description. */
  async function stillAnswers(): Promise<void> {
    const file = path.join(dir, 'ok', 'config.json');
    if (!c.version(file)) await c.open(file, SMALL);
    const h = await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line: 1, character: 5 } });
    assert.ok(h, 'hover answered');
    assert.equal(c.proc.exitCode, null, 'the server is alive');
  }

  it('reports a 50 MB config.json as MA100 and keeps answering', async () => {
    const file = path.join(dir, 'big', 'config.json');
    const padding = ' '.repeat(50 * 1024 * 1024);
    const text = `{ "model_type": "Image", "model_algorithm": "a",${padding}"apis": [] }`;
    await c.open(file, text);
    const p = await c.waitForFile(file, 0, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['MA100']);
    const d = p.diagnostics[0];
    assert.equal(d.severity, 1);
    assert.match(d.message, /large|MB/i);
    assert.ok(d.range.end.line < 2, 'the finding sits at the top, not at the 50 MB end');
    await stillAnswers();
    // Editing the big file keeps working too.
    const since = c.mark();
    const v = await c.change(file, text + ' ');
    const again = await c.waitForFile(file, since, (x) => x.version === v);
    assert.deepEqual(codes(again), ['MA100']);
    await c.close(file);
  });

  it('reports a binary config.json as MA100', async () => {
    const file = path.join(dir, 'bin', 'config.json');
    const bytes = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    await c.open(file, `{"model_type": "Image",\u0000\u0001\u0002${bytes}`);
    const p = await c.waitForFile(file, 0, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['MA100']);
    assert.match(p.diagnostics[0].message, /binary|text/i);
    await stillAnswers();
  });

  it('survives a binary Dockerfile beside a config', async () => {
    const file = path.join(dir, 'ok', 'Dockerfile');
    const since = c.mark();
    await c.open(file, '\u0000\u0001\u0002\u00ff'.repeat(2048));
    const p = await c.waitForFile(file, since, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['MA200']);
    await stillAnswers();
  });

  it('answers requests for documents it never saw', async () => {
    const uri = uriOf(path.join(dir, 'nowhere', 'config.json'));
    assert.equal(await c.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }), null);
    assert.deepEqual(await c.request('textDocument/codeAction',
      { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [] } }), []);
  });
});
