// Every crash the fuzzer found, kept as a model folder under test/fixtures/regressions/: each must now be checked
// without throwing, with well-formed findings, through the core checks, the server and the build-context packer.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCase } from '../../bench/fuzz/core';
import { checkPaths } from '../../core/check';
import { packContext } from '../../engine/context';
import { LspClient } from '../server/lsp';
import { repoRoot } from '../helpers/tmp';

const ROOT = path.join(repoRoot, 'test', 'fixtures', 'regressions');
const folders = fs.readdirSync(ROOT, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort();

function readAll(dir: string, rel = ''): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) Object.assign(out, readAll(dir, r));
    else if (r !== 'crash.json') out[r] = fs.readFileSync(path.join(dir, r), 'utf8');
  }
  return out;
}

test('there are regression folders, each saying how it was found', () => {
  assert.ok(folders.length >= 1);
  for (const f of folders) assert.ok(fs.existsSync(path.join(ROOT, f, 'crash.json')), `${f}/crash.json`);
});

for (const name of folders) {
  const dir = path.join(ROOT, name);
  test(`${name}: core checks do not throw and findings are well formed`, () => {
    assert.equal(runCase(readAll(dir), '/regression/m'), undefined);
    assert.doesNotThrow(() => checkPaths([dir]));
  });

  test(`${name}: the build context packs without throwing`, async () => {
    if (!fs.existsSync(path.join(dir, 'Dockerfile'))) return assert.ok(true);
    let bytes = 0;
    await new Promise<void>((resolve, reject) => {
      const s = packContext(dir, 'Dockerfile');
      s.on('data', (c: Buffer) => (bytes += c.length));
      s.on('end', resolve);
      s.on('error', reject);
    });
    assert.ok(bytes > 0);
  });
}

test('the server checks every regression folder and logs no failure', async () => {
  const c = await LspClient.start({ roots: [ROOT] });
  try {
    for (const name of folders) {
      for (const file of ['config.json', 'Dockerfile']) {
        const p = path.join(ROOT, name, file);
        if (!fs.existsSync(p)) continue;
        const since = c.mark();
        await c.open(p, fs.readFileSync(p, 'utf8'));
        await c.waitForFile(p, since);
      }
    }
    assert.deepEqual(c.logs.filter((l) => /failed|uncaught|unhandled/i.test(l)), []);
    assert.equal(c.proc.exitCode, null);
  } finally {
    await c.stop();
  }
});
