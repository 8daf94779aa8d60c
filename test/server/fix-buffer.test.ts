// Cross-file quick fixes over LSP, on the text the user sees: the Dockerfile's MA202/MA203 are fixed in app.py,
// open in the editor with unsaved changes that moved the server call. "Bind to 0.0.0.0" then "Listen on 8080"
// must give code that compiles; a fix computed before the other file changed is refused, not misapplied.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import type { CodeAction, Diagnostic, PublishDiagnosticsParams, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, editsFor, uriOf } from './lsp';
import { removeFolder, tempFolder } from '../helpers/tmp';
import type { DiagnosticData } from '../../server/src/features/diagnostics';

const DOCKERFILE = 'FROM python:3.11-slim\nCOPY app.py /home/app.py\nEXPOSE 8080\nUSER 1000:100\nCMD ["python3", "/home/app.py"]\n';
const CONFIG = JSON.stringify({ model_type: 'Image', model_algorithm: 'image_classification',
  apis: [{ protocol: 'http', url: '/', method: 'post', request: { 'Content-type': 'application/json', data: { type: 'object' } },
  response: { 'Content-type': 'application/json', data: { type: 'object' } } }] }, null, 2);
const SERVER = 'from http.server import BaseHTTPRequestHandler, HTTPServer\nclass Handler(BaseHTTPRequestHandler):\n    def do_GET(self):\n' +
  '        pass\n    def do_POST(self):\n        pass\nHTTPServer(("127.0.0.1", 5000), Handler).serve_forever()\n';
/** What the editor shows: unsaved lines above the server call, so disk offsets are wrong for the buffer. */
const BUFFER = '# unsaved: a comment the user typed\nimport os\n' + SERVER;

const compiles = (dir: string, text: string): string => {
  const f = path.join(dir, 'check_compile.py');
  fs.writeFileSync(f, text);
  const r = spawnSync('python3', ['-m', 'py_compile', f], { encoding: 'utf8' });
  return r.status === 0 ? '' : r.stderr;
};

describe('cross-file fixes on an open, unsaved buffer', () => {
  let dir: string, docker: string, app: string, c: LspClient;
  before(async () => {
    dir = tempFolder({ Dockerfile: DOCKERFILE, 'config.json': CONFIG, 'app.py': SERVER });
    docker = path.join(dir, 'Dockerfile');
    app = path.join(dir, 'app.py');
    c = await LspClient.start({ roots: [dir] });
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  const actionsFor = (d: Diagnostic) => c.request<CodeAction[]>('textDocument/codeAction',
    { textDocument: { uri: uriOf(docker) }, range: d.range, context: { diagnostics: [d] } });
  const diag = (p: PublishDiagnosticsParams, code: string) => p.diagnostics.find((d) => d.code === code);
  /** The versions of app.py the publish's fixes were computed on (null: the disk text). */
  const appVersions = (p: PublishDiagnosticsParams): (number | null)[] =>
    p.diagnostics.flatMap((d) => ((d.data as DiagnosticData | undefined)?.fixes ?? [])
      .flatMap((f) => f.edits.filter((e) => e.uri === uriOf(app)).map((e) => e.version)));
  const onlyApp = (p: PublishDiagnosticsParams, v: number | null) => appVersions(p).every((x) => x === v);

  it('bind then listen, each computed on the buffer and versioned, leaves code that compiles and no finding', async () => {
    let since = c.mark();
    await c.open(docker, DOCKERFILE);
    await c.open(app, BUFFER, 'python');
    let pub = await c.waitForFile(docker, since, (p) => !!diag(p, 'MA202') && appVersions(p).length > 0 && onlyApp(p, 1));
    let text = BUFFER;
    for (const [code, title] of [['MA202', 'Bind to 0.0.0.0'], ['MA203', 'Listen on 8080']] as const) {
      const d = diag(pub, code);
      assert.ok(d, `${code} in ${JSON.stringify(pub.diagnostics.map((x) => x.code))}`);
      const a = (await actionsFor(d)).find((x) => x.title === title);
      assert.ok(a?.edit, `${title} is offered`);
      const dc = a.edit.documentChanges?.find((x): x is TextDocumentEdit => 'textDocument' in x && x.textDocument.uri === uriOf(app));
      assert.equal(dc?.textDocument.version, c.version(app), 'the edit carries the version of the buffer it was computed on');
      text = applyEdits(text, editsFor(a.edit, app));
      since = c.mark();
      const v = await c.change(app, text);
      // The Dockerfile's findings are recomputed when the other file changes.
      pub = await c.waitForFile(docker, since, (p) => onlyApp(p, v) && !diag(p, code));
    }
    assert.match(text, /HTTPServer\(\("0\.0\.0\.0", 8080\), Handler\)/);
    assert.equal(compiles(dir, text), '');
    assert.deepEqual(pub.diagnostics.filter((d) => d.code === 'MA202' || d.code === 'MA203'), []);
  });

  it('a fix computed before the other file changed is refused', async () => {
    let since = c.mark();
    let v = await c.change(app, BUFFER);
    const pub = await c.waitForFile(docker, since, (p) => !!diag(p, 'MA203') && onlyApp(p, v));
    const old = diag(pub, 'MA203')!;
    assert.ok((await actionsFor(old)).some((a) => a.title === 'Listen on 8080'), 'offered while current');
    since = c.mark();
    v = await c.change(app, '\n\n' + BUFFER);
    assert.deepEqual((await actionsFor(old)).filter((a) => a.title === 'Listen on 8080'), [], 'stale: not offered');
    await c.waitForFile(docker, since, (p) => !!diag(p, 'MA203') && onlyApp(p, v));
  });

  it('a closed file: the fix is computed on the disk text and refused once the disk text changed', async () => {
    const since = c.mark();
    await c.close(app);
    // Closed: the Dockerfile is re-checked on the disk text (the original SERVER) and its fix is unversioned.
    const pub = await c.waitForFile(docker, since, (p) => !!diag(p, 'MA203') && appVersions(p).length > 0 && onlyApp(p, null));
    const d = diag(pub, 'MA203')!;
    const a = (await actionsFor(d)).find((x) => x.title === 'Listen on 8080');
    assert.ok(a?.edit, 'offered on the disk text');
    assert.equal(applyEdits(SERVER, editsFor(a.edit, app)), SERVER.replace('5000', '8080'));
    fs.writeFileSync(app, '\n' + SERVER);
    assert.deepEqual((await actionsFor(d)).filter((x) => x.title === 'Listen on 8080'), [], 'the disk changed: refused');
  });
});
