// New Model Image Project renders the snippets into a folder; that folder must check clean (zero findings),
// online and batch, with the same checks the language server and CLI run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { freeFolderName, renderSnippet, scaffoldFiles } from '../../client/src/scaffoldFiles';
import { checkPaths } from '../../core/check';
import { defaultOptions } from '../../core/types';

const snippetsDir = path.resolve(__dirname, '../../snippets');

test('snippet bodies render: defaults, first choice, tabstops and escapes', () => {
  assert.equal(renderSnippet(['a ${1:x} b ${2|post,get|} $0 \\$HOME c\\\\', '$TM_FILENAME']), 'a x b post  $HOME c\\\n\n');
});

for (const kind of ['online', 'batch'] as const) {
  test(`a scaffolded ${kind} folder has zero findings`, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `scaffold-${kind}-`));
    try {
      const files = scaffoldFiles(snippetsDir, kind);
      assert.deepEqual(files.map((f) => f.name),
        kind === 'batch' ? ['config.json', 'Dockerfile', 'server.py', 'run.sh'] : ['config.json', 'Dockerfile', 'server.py']);
      for (const f of files) fs.writeFileSync(path.join(dir, f.name), f.text);
      JSON.parse(files[0].text);
      for (const profile of ['seed-2021', 'current'] as const) {
        const { folders, findings } = checkPaths([dir], { ...defaultOptions(), profile });
        assert.equal(folders.length, 1, "one model folder found");
        assert.deepEqual(findings.map((f) => `${f.code} ${f.message.en}`), [], `${kind} under ${profile}`);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
}

test('New Model Image Project proposes a free folder name: model-online, then model-online-2, -3', () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-scaffold-name-'));
  assert.equal(freeFolderName(parent, 'online'), 'model-online');
  fs.mkdirSync(path.join(parent, 'model-online'));
  assert.equal(freeFolderName(parent, 'online'), 'model-online-2');
  fs.mkdirSync(path.join(parent, 'model-online-2'));
  assert.equal(freeFolderName(parent, 'online'), 'model-online-3');
  assert.equal(freeFolderName(parent, 'batch'), 'model-batch');
  fs.rmSync(parent, { recursive: true, force: true });
});

const CJK = /[\u4e00-\u9fff]/;

test('the scaffolded files say what they are in English and in Chinese (comments, the server\'s docstring)', () => {
  for (const kind of ['online', 'batch'] as const) {
    for (const f of scaffoldFiles(snippetsDir, kind).filter((x) => x.name !== 'config.json')) {
      const notes = f.text.split('\n').filter((l) => /^\s*#(?!!)/.test(l) || l.includes('"""'));
      assert.ok(notes.some((l) => !CJK.test(l) && /[a-z]{3}/.test(l)), `${kind} ${f.name}: an English comment`);
      const zh = f.name === 'server.py' ? f.text.slice(0, f.text.indexOf('import ')) : notes.join('\n');
      assert.match(zh, CJK, `${kind} ${f.name}: a Chinese comment`);
    }
  }
});

test('every snippet description is English first, then " / " and the same in Chinese', () => {
  for (const file of fs.readdirSync(snippetsDir)) {
    const all = JSON.parse(fs.readFileSync(path.join(snippetsDir, file), 'utf8')) as Record<string, { description: string }>;
    for (const [name, s] of Object.entries(all)) {
      const [en, zh, ...rest] = s.description.split(' / ');
      assert.equal(rest.length, 0, `${file} ${name}: one " / "`);
      assert.ok(en && !CJK.test(en) && zh && CJK.test(zh), `${file} ${name}: "${s.description}"`);
    }
  }
});
