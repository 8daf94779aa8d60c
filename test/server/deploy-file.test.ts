// The deployment file over real JSON-RPC: its diagnostics on its own URI, completion and hover from its own schema,
// a quick fix, and the folder re-checked both ways (the deployment file's port changes the Dockerfile's findings).
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeAction, CompletionList, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, codes, editsFor, find, uriOf } from './lsp';
import { removeFolder, tempFolder } from '../helpers/tmp';
import { IMAGE_CONFIG } from '../fixtures/dockerfile/harness';
import { GOOD, SERVER } from '../helpers/folders';

const BAD = '{\n  // the console\'s settings\n  "port": 0,\n  "prot": 9000,\n  "probes": { "readiness": { "check_method": "http" } },\n}\n';

const hoverText = (h: Hover | null): string => {
  const c = h?.contents;
  if (!c) return '';
  const one = (x: unknown): string => (typeof x === 'string' ? x : (x as MarkupContent).value);
  return Array.isArray(c) ? c.map(one).join('\n') : one(c);
};

describe('the deployment file in the language server', () => {
  let dir: string;
  let deploy: string;
  let dockerfile: string;
  let c: LspClient;

  before(async () => {
    dir = tempFolder({ 'config.json': IMAGE_CONFIG, Dockerfile: GOOD, 'server.py': SERVER, 'modelarts-deploy.json': BAD });
    deploy = path.join(dir, 'modelarts-deploy.json');
    dockerfile = path.join(dir, 'Dockerfile');
    c = await LspClient.start({ roots: [dir], settings: { profile: 'current' } });
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  it('publishes MA121 and MA122 on the deployment file\'s own URI, with ranges on the values', async () => {
    const since = c.mark();
    await c.open(deploy, BAD, 'jsonc');
    const pub = await c.waitForFile(deploy, since, (p) => p.diagnostics.length > 0);
    assert.deepEqual(codes(pub), ['MA121', 'MA121', 'MA122']);
    const port = pub.diagnostics.find((d) => d.code === 'MA121' && d.range.start.line === 2)!;
    assert.deepEqual(port.range, { start: { line: 2, character: 10 }, end: { line: 2, character: 11 } });
    assert.match(port.message, /from 1 to 65535/);
    assert.equal(port.codeDescription?.href.endsWith('MA121.md'), true);
  });

  it('offers the quick fix "HTTP" for "http", and the fixed text clears it', async () => {
    const pub = await c.waitForFile(deploy, 0, (p) => p.diagnostics.length > 0);
    const diag = pub.diagnostics.find((d) => d.code === 'MA121' && d.range.start.line === 4)!;
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(deploy) }, range: diag.range, context: { diagnostics: [diag] },
    });
    assert.deepEqual(actions.map((a) => a.title), ['Change to "HTTP"']);
    const fixed = applyEdits(BAD, editsFor(actions[0].edit!, deploy));
    assert.match(fixed, /"check_method": "HTTP"/);
  });

  it('completes the deployment file\'s keys and values, not config.json\'s', async () => {
    await c.change(deploy, '{\n  \n}\n');
    const at = (line: number, character: number) => ({ textDocument: { uri: uriOf(deploy) }, position: { line, character } });
    const keys = await c.request<CompletionList | null>('textDocument/completion', at(1, 2));
    const labels = (keys?.items ?? []).map((i) => i.label.replace(/^"|"$/g, ''));
    for (const k of ['port', 'user', 'cloud', 'memory_mb', 'probes']) assert.ok(labels.includes(k), `${k} in ${JSON.stringify(labels)}`);
    assert.ok(!labels.includes('model_type'), 'no config.json key');
    await c.change(deploy, '{ "probes": { "startup": { "check_method":  } } }\n');
    const values = await c.request<CompletionList | null>('textDocument/completion', at(0, 43));
    const v = (values?.items ?? []).map((i) => i.label.replace(/^"|"$/g, ''));
    assert.ok(v.includes('HTTP') && v.includes('EXEC'), JSON.stringify(v));
  });

  it('hovers with the schema\'s text and a link to the rule page, in the UI language', async () => {
    await c.change(deploy, '{ "port": 9000 }\n');
    const h = hoverText(await c.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(deploy) }, position: { line: 0, character: 4 } }));
    assert.match(h, /container port ModelArts sends requests/);
    assert.match(h, /MA121/);
    const zh = await LspClient.start({ roots: [dir], locale: 'zh-cn' });
    try {
      await zh.open(deploy, '{ "port": 9000 }\n', 'jsonc');
      const hz = hoverText(await zh.request<Hover | null>('textDocument/hover', { textDocument: { uri: uriOf(deploy) }, position: { line: 0, character: 4 } }));
      assert.match(hz, /容器端口/);
    } finally {
      await zh.stop();
    }
  });

  it('an edit of the deployment file re-checks the Dockerfile: port 9000 under current gives MA201 on EXPOSE 8080, and back', async () => {
    let since = c.mark();
    await c.open(dockerfile, GOOD);
    await c.change(deploy, '{ "port": 9000 }\n');
    const withPort = await c.waitForFile(dockerfile, since, (p) => !!find(p, 'MA201'));
    assert.match(find(withPort, 'MA201')!.message, /the deployment file sets port 9000/);
    // MA203 too: server.py listens on 8080.
    assert.ok(find(withPort, 'MA203'), JSON.stringify(codes(withPort)));
    since = c.mark();
    await c.change(deploy, '{ "port": 8080 }\n');
    const back = await c.waitForFile(dockerfile, since, (p) => !find(p, 'MA201'));
    assert.deepEqual(codes(back).filter((x) => /MA20[13]/.test(x)), []);
  });

  it('an edit of the Dockerfile re-publishes the deployment file, and a deployment file alone gets nothing', async () => {
    await c.change(deploy, '{ "port": -1 }\n');
    await c.waitForFile(deploy, 0, (p) => codes(p).includes('MA121'));
    const since = c.mark();
    await c.change(dockerfile, GOOD + '\n');
    const again = await c.waitForFile(deploy, since);
    assert.deepEqual(codes(again), ['MA121']);
    const lone = tempFolder({ 'modelarts-deploy.json': '{ "port": -1 }' });
    try {
      const file = path.join(lone, 'modelarts-deploy.json');
      const s2 = c.mark();
      await c.open(file, '{ "port": -1 }', 'jsonc');
      // A marker publish: the folder's Dockerfile edit after the lone file's open is published; the lone file never is.
      await c.change(dockerfile, GOOD);
      await c.waitForFile(dockerfile, s2);
      assert.deepEqual(c.publishesFor(file, s2).flatMap((p) => p.diagnostics), []);
      const where = { textDocument: { uri: uriOf(file) }, position: { line: 0, character: 1 } };
      const none = await c.request<CompletionList | null>('textDocument/completion', where);
      assert.equal(none, null, 'no completion in a deployment file outside a model folder');
    } finally {
      removeFolder(lone);
    }
  });
});
