// Quick fixes over LSP: codeAction returns the finding's fix; the edit applied to the text removes the finding.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, applyEdits, codes, editsFor, uriOf } from './lsp';
import { removeFolder, tempFolder } from '../helpers/tmp';
import { codeActions } from '../../server/src/features/codeActions';
import type { DiagnosticData } from '../../server/src/features/diagnostics';

const GOOD = `{
  "model_type": "Image",
  "model_algorithm": "object_detection",
  "apis": [{
    "protocol": "http",
    "url": "/predict",
    "method": "post",
    "request": { "Content-type": "application/json", "data": { "type": "object" } },
    "response": { "Content-type": "application/json", "data": { "type": "array", "items": { "type": "string" } } }
  }],
  "health": { "url": "/health", "protocol": "http" }
}
`;

const CASES: [code: string, what: string, broken: string][] = [
  ['MA104', 'procotol -> protocol', GOOD.replace('"protocol": "http",', '"procotol": "http",')],
  ['MA115', 'applicaton/json -> application/json',
    GOOD.replace('"Content-type": "application/json", "data": { "type": "object" }', '"Content-type": "applicaton/json", "data": { "type": "object" }')],
  ['MA114', 'item -> items', GOOD.replace('"items"', '"item"')],
  ['MA101', 'insert model_algorithm', GOOD.replace('  "model_algorithm": "object_detection",\n', '')],
  ['MA113', 'leading / of an api url', GOOD.replace('"/predict"', '"predict"')],
  ['MA111', 'leading / of health.url', GOOD.replace('"/health"', '"health"')],
];

describe('quick fixes', () => {
  let dir: string;
  let file: string;
  let c: LspClient;

  before(async () => {
    dir = tempFolder({ 'config.json': GOOD, Dockerfile: 'FROM python:3.9-slim\nEXPOSE 8080\nCMD ["python", "app.py"]\n' });
    file = path.join(dir, 'config.json');
    c = await LspClient.start({ roots: [dir], locale: 'en' });
    await c.open(file, GOOD);
    await c.waitForFile(file);
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  for (const [code, what, broken] of CASES) {
    it(`${code}: ${what}`, async () => {
      let since = c.mark();
      const v = await c.change(file, broken);
      const p = await c.waitForFile(file, since, (x) => x.version === v);
      const diag = p.diagnostics.find((d) => d.code === code);
      assert.ok(diag, `${code} in ${JSON.stringify(codes(p))}`);

      const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri: uriOf(file) },
        range: diag.range,
        context: { diagnostics: [diag], only: ['quickfix'] },
      });
      const action = actions.find((a) => a.isPreferred) ?? actions[0];
      assert.ok(action, 'a quick fix is offered');
      assert.equal(action.kind, 'quickfix');
      assert.deepEqual(action.diagnostics, [diag]);
      const dc = action.edit?.documentChanges?.[0];
      assert.ok(dc && 'textDocument' in dc);
      assert.equal(dc.textDocument.version, v, 'the edit is tied to the version it was computed on');

      const fixedText = applyEdits(broken, editsFor(action.edit!, file));
      assert.notEqual(fixedText, broken);
      since = c.mark();
      const v2 = await c.change(file, fixedText);
      const after = await c.waitForFile(file, since, (x) => x.version === v2);
      assert.ok(!codes(after).includes(code), `${code} remains after the fix: ${JSON.stringify(after.diagnostics.map((d) => d.message))}`);
      assert.ok(!codes(after).includes('MA100'), 'the fix keeps the JSON valid');
    });
  }

  it('offers nothing when only refactorings are asked for', async () => {
    const since = c.mark();
    const v = await c.change(file, CASES[0][2]);
    const p = await c.waitForFile(file, since, (x) => x.version === v);
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) },
      range: p.diagnostics[0].range,
      context: { diagnostics: p.diagnostics, only: ['refactor'] },
    });
    assert.deepEqual(actions, []);
  });
});

describe('code actions from diagnostic data', () => {
  it('makes one workspace edit over several files, versioned per document', () => {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } };
    const data: DiagnosticData = {
      fixes: [{ title: 'Align', isPreferred: true, edits: [
        { uri: 'file:///m/Dockerfile', version: 4, range, newText: 'a' },
        { uri: 'file:///m/config.json', version: null, range, newText: 'b' },
        { uri: 'file:///m/Dockerfile', version: 4, range, newText: 'c' },
      ] }],
    };
    const diag: Diagnostic = { range, message: 'm', source: 'modelarts', code: 'MA303', data };
    const foreign: Diagnostic = { range, message: 'x', source: 'other', data };
    const [a, ...rest] = codeActions({ textDocument: { uri: 'file:///m/Dockerfile' }, range, context: { diagnostics: [diag, foreign] } }, true);
    assert.equal(rest.length, 0, 'diagnostics of other sources are left alone');
    assert.equal(a.isPreferred, true);
    assert.deepEqual(a.edit?.documentChanges, [
      { textDocument: { uri: 'file:///m/Dockerfile', version: 4 }, edits: [{ range, newText: 'a' }, { range, newText: 'c' }] },
      { textDocument: { uri: 'file:///m/config.json', version: null }, edits: [{ range, newText: 'b' }] },
    ]);
    const [plain] = codeActions({ textDocument: { uri: 'file:///m/Dockerfile' }, range, context: { diagnostics: [diag] } }, false);
    assert.deepEqual(Object.keys(plain.edit?.changes ?? {}), ['file:///m/Dockerfile', 'file:///m/config.json']);
  });
});
