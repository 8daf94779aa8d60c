// Diagnostics over LSP: initialize over stdio and node-ipc, didOpen/didChange -> publishDiagnostics with codes,
// exact ranges, rule links, severities, related information, localized messages, versions; unrelated files and
// stale versions get nothing.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Range } from 'vscode-languageserver-protocol';
import { LspClient, codes, find } from './lsp';
import { removeFolder, repoRoot, tempFolder } from '../helpers/tmp';

/** The LSP range of the `n`-th occurrence of `needle` in `text` (single line). */
export function rangeOf(text: string, needle: string, n = 0): Range {
  let i = -1;
  for (let k = 0; k <= n; k++) {
    i = text.indexOf(needle, i + 1);
    if (i < 0) throw new Error(`${needle} not in text`);
  }
  const before = text.slice(0, i).split('\n');
  const line = before.length - 1;
  const character = before[line].length;
  return { start: { line, character }, end: { line, character: character + needle.length } };
}

export const TYPOS = `{
  "model_type": "Image",
  "model_algorithm": "object_detection",
  "apis": [{
    "procotol": "http",
    "url": "predict",
    "method": "post",
    "request": { "Content-type": "applicaton/json", "data": { "type": "object" } },
    "response": { "Content-type": "application/json", "data": { "type": "array", "item": { "type": "string" } } }
  }],
  "health": { "url": "/health", "protocol": "http" }
}
`;

const DOCKERFILE = 'FROM python:3.9-slim\nEXPOSE 8080\nCOPY . /app\nCMD ["python", "/app/app.py"]\n';

describe('diagnostics over stdio', () => {
  let dir: string;
  let file: string;
  let c: LspClient;

  before(async () => {
    dir = tempFolder({ 'config.json': TYPOS, Dockerfile: DOCKERFILE, 'app.py': '' });
    file = path.join(dir, 'config.json');
    c = await LspClient.start({ roots: [dir], locale: 'en' });
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  it('initializes with the features it serves', () => {
    const caps = c.initializeResult.capabilities;
    assert.equal(typeof caps.textDocumentSync === 'object' ? caps.textDocumentSync.change : caps.textDocumentSync, 2);
    assert.ok(caps.codeActionProvider);
    assert.ok(caps.completionProvider);
    assert.equal(caps.hoverProvider, true);
  });

  it('publishes each typo with its code and exact range on didOpen', async () => {
    await c.open(file, TYPOS);
    const p = await c.waitForFile(file, 0, (x) => x.diagnostics.length > 0);
    assert.equal(p.version, 1);
    assert.deepEqual(codes(p), ['MA104', 'MA113', 'MA114', 'MA115']);
    assert.deepEqual(find(p, 'MA104')!.range, rangeOf(TYPOS, '"procotol"'));
    assert.deepEqual(find(p, 'MA113')!.range, rangeOf(TYPOS, '"predict"'));
    assert.deepEqual(find(p, 'MA115')!.range, rangeOf(TYPOS, '"applicaton/json"'));
    assert.deepEqual(find(p, 'MA114')!.range, rangeOf(TYPOS, '"item"'));
  });

  it('gives each diagnostic its source, severity, rule page and an English message', async () => {
    const p = await c.waitForFile(file, 0, (x) => x.diagnostics.length > 0);
    for (const d of p.diagnostics) {
      assert.equal(d.source, 'modelarts');
      const href = d.codeDescription?.href ?? '';
      assert.equal(href, new URL(`file://${path.join(repoRoot, 'docs', 'rules', `${d.code}.md`)}`).href);
      assert.ok(fs.existsSync(fileURLToPath(href)), `${href} exists`);
      assert.doesNotMatch(d.message, /[\u4e00-\u9fff]/);
    }
    assert.equal(find(p, 'MA104')!.severity, 2);
    assert.equal(find(p, 'MA113')!.severity, 1);
    assert.match(find(p, 'MA104')!.message, /protocol/);
  });

  it('also publishes for the Dockerfile of the folder', async () => {
    await c.waitForFile(path.join(dir, 'Dockerfile'));
  });

  it('carries related information', async () => {
    const dup = TYPOS.replace('"url": "predict"', '"url": "/a"').replace('"apis": [{', '"apis": [{ "url": "/a", "method": "post" }, {');
    const since = c.mark();
    const v = await c.change(file, dup);
    const p = await c.waitForFile(file, since, (x) => x.version === v);
    const d = p.diagnostics.find((x) => x.code === 'MA113');
    assert.ok(d, JSON.stringify(p.diagnostics));
    assert.deepEqual(d.range, rangeOf(dup, '"/a"', 1));
    assert.equal(d.relatedInformation?.length, 1);
    assert.deepEqual(d.relatedInformation![0].location.range, rangeOf(dup, '"/a"', 0));
    assert.equal(d.relatedInformation![0].location.uri, p.uri);
  });

  it('re-publishes on didChange: a fixed typo disappears', async () => {
    const fixed = TYPOS.replace('"procotol"', '"protocol"');
    const since = c.mark();
    const v = await c.change(file, fixed);
    const p = await c.waitForFile(file, since, (x) => x.version === v);
    assert.deepEqual(codes(p), ['MA113', 'MA114', 'MA115']);
  });

  it('follows incremental changes', async () => {
    let since = c.mark();
    let v = await c.change(file, TYPOS);
    await c.waitForFile(file, since, (x) => x.version === v);
    since = c.mark();
    // Type the missing "/" of "predict", then fix "procotol" by swapping "cot" for "toc".
    const url = rangeOf(TYPOS, '"predict"');
    await c.edit(file, { start: { line: url.start.line, character: url.start.character + 1 },
      end: { line: url.start.line, character: url.start.character + 1 } }, '/');
    const key = rangeOf(TYPOS, 'procotol');
    v = await c.edit(file, { start: { line: key.start.line, character: key.start.character + 3 },
      end: { line: key.start.line, character: key.start.character + 6 } }, 'toc');
    const p = await c.waitForFile(file, since, (x) => x.version === v);
    assert.deepEqual(codes(p), ['MA114', 'MA115']);
  });

  it('never publishes for a version older than the current one', async () => {
    const since = c.mark();
    // Three edits in a row: only the last one may be published.
    await c.change(file, TYPOS);
    await c.change(file, TYPOS.replace('"procotol"', '"protocol"'));
    const last = await c.change(file, TYPOS.replace('"predict"', '"/predict"'));
    const p = await c.waitForFile(file, since, (x) => x.version === last);
    assert.deepEqual(codes(p), ['MA104', 'MA114', 'MA115']);
    const versions = c.publishesFor(file, since).map((x) => x.version);
    assert.deepEqual(versions, [last]);
  });

  it('publishes nothing for an unrelated config.json', async () => {
    const other = path.join(dir, 'web', 'config.json');
    const since = c.mark();
    await c.open(other, '{ "name": "web", "port": "not a number", "protocol": "procotol" ');
    // A barrier: the model config's publish comes after the unrelated file was handled.
    const v = await c.change(file, TYPOS);
    await c.waitForFile(file, since, (x) => x.version === v);
    assert.deepEqual(c.publishesFor(other, since), []);
  });

  it('clears a config.json that stops being a ModelArts file', async () => {
    const since = c.mark();
    const v = await c.change(file, '{ "name": "web", "procotol": 1 }');
    const p = await c.waitForFile(file, since);
    assert.deepEqual(p.diagnostics, []);
    assert.ok(v > 1);
    // Its Dockerfile has no ModelArts config.json any more: cleared too, no stale finding left.
    const docker = path.join(dir, 'Dockerfile');
    await c.waitForFile(docker, since, (x) => x.diagnostics.length === 0);
    assert.deepEqual(c.publishesFor(docker).at(-1)?.diagnostics, []);
  });
});

describe('diagnostics over node-ipc, in Chinese', () => {
  let dir: string;
  let c: LspClient;
  before(async () => {
    dir = tempFolder({ 'config.json': TYPOS, Dockerfile: DOCKERFILE });
    c = await LspClient.start({ roots: [dir], locale: 'zh-cn', transport: 'ipc' });
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  it('publishes MA codes with Chinese messages', async () => {
    const file = path.join(dir, 'config.json');
    await c.open(file, TYPOS);
    const p = await c.waitForFile(file, 0, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['MA104', 'MA113', 'MA114', 'MA115']);
    for (const d of p.diagnostics) {
      assert.match(d.message, /[\u4e00-\u9fff]/, d.message);
      const href = d.codeDescription?.href ?? '';
      assert.equal(href, new URL(`file://${path.join(repoRoot, 'docs', 'rules', 'zh-cn', `${d.code}.md`)}`).href, 'links to the Chinese page');
    }
  });

  it('exits cleanly on shutdown and exit', async () => {
    await c.stop();
    assert.equal(c.proc.exitCode, 0);
  });
});
