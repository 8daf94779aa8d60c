// scripts/run-tests.mjs rebuilds dist/ when a source is newer: the check it relies on, on a throwaway tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempFolder, removeFolder } from '../helpers/tmp';
// @ts-expect-error: a plain .mjs build script, no type declarations
import { staleReason, vsixStaleReason } from '../../scripts/lib/bundle-fresh.mjs';

const at = (file: string, secondsAgo: number) => {
  const t = new Date(Date.now() - secondsAgo * 1000);
  fs.utimesSync(file, t, t);
};

test('dist/ is stale when a bundle is missing or any source, schema, snippet or package.json is newer', () => {
  const root = tempFolder({
    'dist/extension.js': '', 'dist/server.js': '', 'dist/server-service.js': '', 'dist/cli.js': '',
    'core/rules/x.ts': '', 'client/src/a.ts': '', 'cli/main.ts': '', 'schemas/config.schema.json': '',
    'snippets/python.json': '', 'scripts/build.mjs': '', 'package.json': '{}',
  });
  try {
    const sources = ['core/rules/x.ts', 'client/src/a.ts', 'cli/main.ts', 'schemas/config.schema.json', 'snippets/python.json', 'scripts/build.mjs',
      'package.json'];
    for (const s of sources) at(path.join(root, s), 100);
    for (const b of ['extension', 'server', 'server-service', 'cli']) at(path.join(root, `dist/${b}.js`), 50);
    assert.equal(staleReason(root), undefined);
    for (const s of sources) {
      at(path.join(root, s), 10);
      assert.equal(staleReason(root), `${path.join(root, s)} is newer than the bundle`, s);
      at(path.join(root, s), 100);
    }
    fs.rmSync(path.join(root, 'dist/cli.js'));
    assert.equal(staleReason(root), 'dist/cli.js is missing');
  } finally {
    removeFolder(root);
  }
});

test('the .vsix is stale when missing, when dist/ is, or when a packaged file (docs, media, nls, README) is newer', () => {
  const packaged = ['docs/rules/MA100.md', 'media/walkthrough/a.md', 'package.nls.zh-cn.json', 'README.md', 'dist/vendor/sh.js'];
  const bundles = ['extension', 'server', 'server-service', 'cli'].map((b) => `dist/${b}.js`);
  const root = tempFolder(Object.fromEntries([...packaged, ...bundles, 'package.json', 'test/x.test.ts'].map((f) => [f, '{}'])));
  const vsix = path.join(root, 'kit.vsix');
  try {
    assert.equal(vsixStaleReason(vsix, root), `${vsix} is missing`);
    fs.writeFileSync(vsix, '');
    for (const f of [...packaged, 'package.json', 'test/x.test.ts']) at(path.join(root, f), 100);
    for (const b of bundles) at(path.join(root, b), 60);
    at(vsix, 50);
    assert.equal(vsixStaleReason(vsix, root), undefined);
    at(path.join(root, 'test/x.test.ts'), 1);
    assert.equal(vsixStaleReason(vsix, root), undefined, 'a test is not packaged');
    for (const f of packaged) {
      at(path.join(root, f), 10);
      assert.equal(vsixStaleReason(vsix, root), `${path.join(root, f)} is newer than ${vsix}`, f);
      at(path.join(root, f), 100);
    }
    at(path.join(root, 'package.json'), 1);
    assert.equal(vsixStaleReason(vsix, root), `${path.join(root, 'package.json')} is newer than the bundle`, 'dist/ first');
  } finally {
    removeFolder(root);
  }
});
