// Each JSON syntax error once in the Problems panel. VS Code's JSON language features report the syntax errors of
// every open `json`/`jsonc` document; the server does not publish MA100 for the same slips (the CLI still reports
// them) and drops the schema findings the parser's recovery guessed under a half-typed key. "What VS Code shows" is
// counted as VS Code counts it: our published diagnostics plus vscode-json-languageservice's own validation (the
// library VS Code's JSON extension runs), with the severities VS Code gives each mode.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { getLanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspClient, codes, uriOf, type Publish } from './lsp';
import { removeFolder, tempFolder } from '../helpers/tmp';

const ONLINE = fs.readFileSync(path.join(__dirname, '../../examples/online/config.json'), 'utf8');
const DOCKERFILE = fs.readFileSync(path.join(__dirname, '../../examples/online/Dockerfile'), 'utf8');
const SECOND_API = '    {\n      "protocol": "http",\n      "url": "/greet"';
/** A key begun in the second api, as VS Code leaves it (its quotes auto-close): `"pro"` with no colon yet. */
const HALF_KEY = ONLINE.replace(SECOND_API, '    {\n      "pro"\n' + SECOND_API.slice(6));
/** The same key typed between the two api objects (inside the array, not an object). */
const KEY_IN_ARRAY = ONLINE.replace('    },\n' + SECOND_API, '    },\n    "pro"\n' + SECOND_API);
/** The half key with its closing quote not typed yet. */
const OPEN_QUOTE = ONLINE.replace(SECOND_API, '    {\n      "pro\n' + SECOND_API.slice(6));

const json = getLanguageService({});
/** VS Code's json extension: comments are errors in `json`, ignored in `jsonc`; trailing commas error / warning. */
async function vscodeJson(text: string, mode: 'json' | 'jsonc'): Promise<Diagnostic[]> {
  const doc = TextDocument.create('file:///x/config.json', mode, 1, text);
  const settings = mode === 'json' ? { comments: 'error', trailingCommas: 'error' } as const : { comments: 'ignore', trailingCommas: 'warning' } as const;
  return json.doValidation(doc, json.parseJSONDocument(doc), settings);
}

describe('JSON syntax errors once (VS Code shows them, MA100 yields in the editor)', () => {
  let dir: string;
  let c: LspClient;
  let n = 0;

  before(async () => {
    dir = tempFolder({ 'disk/config.json': HALF_KEY, 'disk/Dockerfile': DOCKERFILE });
    c = await LspClient.start({ roots: [dir] });
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  /** Opens a fresh model folder's config.json and returns its first publish. */
  async function openConfig(text: string, mode: 'json' | 'jsonc' = 'json'): Promise<{ file: string; p: Publish }> {
    const file = path.join(dir, `m${++n}`, 'config.json');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(path.join(path.dirname(file), 'Dockerfile'), DOCKERFILE);
    const since = c.mark();
    await c.open(file, text, mode);
    return { file, p: await c.waitForFile(file, since) };
  }

  for (const [name, text] of [['a half key in the second api', HALF_KEY], ['a key typed into the apis array', KEY_IN_ARRAY]] as const) {
    it(`${name}: one problem in all, VS Code's, and no "must be of type object"`, async () => {
      const { p } = await openConfig(text);
      const theirs = await vscodeJson(text, 'json');
      assert.equal(theirs.length, 1, JSON.stringify(theirs.map((d) => d.message)));
      assert.deepEqual(codes(p), [], JSON.stringify(p.diagnostics.map((d) => d.message)));
    });
  }

  it('an unclosed quote: only what VS Code shows itself (its parser gives two errors), nothing of ours', async () => {
    const { p } = await openConfig(OPEN_QUOTE);
    assert.deepEqual(codes(p), [], JSON.stringify(p.diagnostics.map((d) => d.message)));
    assert.equal((await vscodeJson(OPEN_QUOTE, 'json')).length, 2);
  });

  it('the same document not open in the editor (only its Dockerfile is): MA100 is published, VS Code shows nothing', async () => {
    const file = path.join(dir, 'disk', 'config.json');
    const since = c.mark();
    await c.open(path.join(dir, 'disk', 'Dockerfile'), DOCKERFILE);
    const p = await c.waitForFile(file, since);
    assert.deepEqual(codes(p), ['MA100']);
    assert.match(p.diagnostics[0].message, /colon/);
  });

  it('a comment in jsonc mode: VS Code allows it, so MA100 says ModelArts does not; in json mode VS Code says it', async () => {
    const text = ONLINE.replace('"model_type": "Image",', '"model_type": "Image", // custom image');
    const jsonc = await openConfig(text, 'jsonc');
    assert.deepEqual(codes(jsonc.p), ['MA100']);
    assert.equal((await vscodeJson(text, 'jsonc')).length, 0);
    const plain = await openConfig(text, 'json');
    assert.deepEqual(codes(plain.p), []);
    assert.equal((await vscodeJson(text, 'json')).length, 1);
  });

  it('a missing comma: VS Code shows it at the next key, and our "Insert a comma" is offered on its problem', async () => {
    const text = ONLINE.replace('"model_type": "Image",', '"model_type": "Image"');
    const { file, p } = await openConfig(text);
    assert.deepEqual(codes(p), []);
    const [theirs] = await vscodeJson(text, 'json');
    assert.equal(theirs.range.start.line, 3, 'VS Code reports it at "metrics", the line after');
    const actions = await c.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: uriOf(file) }, range: theirs.range, context: { diagnostics: [{ ...theirs, source: 'json' }] },
    });
    const insert = actions.find((a) => a.title === 'Insert a comma');
    assert.ok(insert, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(insert.diagnostics?.map((d) => d.source), ['json']);
    const edit = insert.edit?.documentChanges?.[0];
    assert.ok(edit && 'edits' in edit);
    assert.deepEqual(edit.edits[0].range.start, { line: 2, character: 23 });
    assert.equal((edit.edits[0] as { newText?: string }).newText, ',');
  });

  it('the deployment file (jsonc): its syntax error is VS Code\'s alone while open; MA120 says "not an object" itself', async () => {
    const folder = path.join(dir, "deploy-syntax");
    fs.mkdirSync(folder, { recursive: true });
    fs.writeFileSync(path.join(folder, 'config.json'), ONLINE);
    fs.writeFileSync(path.join(folder, 'Dockerfile'), DOCKERFILE);
    const file = path.join(folder, 'modelarts-deploy.json');
    const broken = '{\n  // the console\'s port\n  "port": 9000\n  "user": "1000:100"\n}\n';
    fs.writeFileSync(file, broken);
    let since = c.mark();
    await c.open(path.join(folder, 'Dockerfile'), DOCKERFILE);
    assert.deepEqual(codes(await c.waitForFile(file, since)), ['MA120'], 'not open: published');
    since = c.mark();
    await c.open(file, broken, 'jsonc');
    const open = await c.waitForFile(file, since);
    assert.deepEqual(codes(open), [], JSON.stringify(open.diagnostics.map((d) => d.message)));
    assert.equal((await vscodeJson(broken, 'jsonc')).length, 1, 'VS Code shows the missing comma');
    since = c.mark();
    await c.change(file, '[]\n');
    const array = await c.waitForFile(file, since, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(array), ['MA120'], 'an array parses: only MA120 says it must be an object');
  });

  it('json.validate.enable off: VS Code shows no syntax error, so MA100 is published', async () => {
    const since = c.mark();
    c.sections['json.validate.enable'] = false;
    await c.setSettings(c.settings);
    const file = path.join(dir, `m${n}`, 'config.json');
    const p = await c.waitForFile(file, since, (x) => x.diagnostics.length > 0);
    assert.deepEqual(codes(p), ['MA100']);
    delete c.sections['json.validate.enable'];
    await c.setSettings(c.settings);
  });
});
