// scripts/run-tests.mjs rebuilds dist/ when a source is newer: the check it relies on, on a throwaway tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempFolder, removeFolder } from '../helpers/tmp';
// @ts-expect-error: a plain .mjs build script, no type declarations
import { staleReason } from '../../scripts/lib/bundle-fresh.mjs';

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
