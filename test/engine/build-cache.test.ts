// A repeat `test` of an unchanged folder reuses the image of its last build (no upload, no build); any change of the
// context, or --rebuild, builds again — on the real engine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, EXAMPLES } from './engine-helpers';

function copyOfOnline(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-build-cache-'));
  for (const n of fs.readdirSync(path.join(EXAMPLES, 'online'))) fs.copyFileSync(path.join(EXAMPLES, 'online', n), path.join(dir, n));
  return dir;
}

test('an unchanged folder reuses its image; a touched file, or --rebuild, builds again', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const dir = copyOfOnline();
  const tag = `mik-build-cache-${path.basename(dir).slice(-6).toLowerCase()}:modelarts-dev`;
  const o = { engine, tag, stopTimeoutS: 15, removeImage: false };
  const build = async (extra = {}) => {
    const r = await runConformance(dir, { ...o, ...extra });
    assert.equal(r.passed, true, JSON.stringify(r.checks.filter((c) => c.status === 'fail')));
    return { message: r.checks.find((c) => c.id === 'build')!.message, upload: r.timings.upload };
  };
  try {
    const first = await build();
    assert.match(first.message.en, /built in/);
    assert.ok(first.upload !== undefined, 'the first run uploads the context');
    const again = await build();
    assert.match(again.message.en, /unchanged since its last build .* reused, nothing uploaded/);
    assert.equal(again.upload, undefined, 'nothing uploaded');
    // The same bytes, a new mtime: the key follows what stat sees, so this builds (from the engine's layer cache).
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(path.join(dir, 'server.py'), later, later);
    assert.match((await build()).message.en, /built in/);
    assert.match((await build()).message.en, /reused/);
    assert.match((await build({ rebuild: true })).message.en, /built in/);
  } finally {
    await engine.docker.getImage(tag).remove({ force: true }).catch(() => undefined);
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
