// Containers left behind by a killed editor or CLI (it never ran its cleanup) are removed by the next run; those of
// a live process are not.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as os from 'node:os';
import { spawnSync } from 'node:child_process';
import { LABEL, OWNER_LABEL, removeOrphans } from '../../engine/container';
import { engineOrSkip } from './engine-helpers';

test('removeOrphans removes the labelled containers of a dead process on this machine and keeps the others', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  // A pid that certainly existed and has exited: a child that ran and ended.
  const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
  const make = (owner: string) =>
    engine.docker.createContainer({ Image: 'busybox:latest', Cmd: ['sleep', '60'], Labels: { [LABEL]: '1', [OWNER_LABEL]: owner } });
  const orphan = await make(`${os.hostname()}:${dead}`);
  const mine = await make(`${os.hostname()}:${process.pid}`);
  const elsewhere = await make(`another-machine:${dead}`);
  try {
    const removed = await removeOrphans(engine);
    assert.ok(removed.includes(orphan.id), 'the orphan is reported removed');
    assert.ok(!removed.includes(mine.id) && !removed.includes(elsewhere.id), JSON.stringify(removed));
    const left = (await engine.docker.listContainers({ all: true, filters: { label: [`${LABEL}=1`] } })).map((c) => c.Id);
    assert.ok(!left.includes(orphan.id), 'the orphan is gone');
    assert.ok(left.includes(mine.id) && left.includes(elsewhere.id), 'a live owner and another machine keep theirs');
  } finally {
    for (const c of [orphan, mine, elsewhere]) await c.remove({ force: true }).catch(() => undefined);
  }
});
