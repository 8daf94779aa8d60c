// `npm start` with an engine up: the static check, the engine found as the CLI finds it, examples/online tested
// green, and the next steps at the end. MODELARTS_START_NO_SETUP keeps engine-up.sh out of the test in any case.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';
import { engineOrSkip } from './engine-helpers';

test('npm start with an engine up ends green with the next steps', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const { scripts } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
  const [, ...args] = scripts.start.split(' ');
  const r = spawnSync(process.execPath, args, {
    cwd: repoRoot, encoding: 'utf8', env: { ...process.env, LANG: 'en_US.UTF-8', LC_ALL: '', MODELARTS_START_NO_SETUP: '1' },
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.ok(r.stdout.includes('2 model folders checked: 0 errors'), r.stdout);
  assert.ok(r.stdout.includes(`Engine: ${engine.endpoint.url}`), r.stdout);
  assert.match(r.stdout, /^PASSED: \d+ passed, 0 failed/m);
  const next = r.stdout.slice(r.stdout.indexOf('== Next =='));
  assert.ok(next.startsWith('== Next ==\nexamples/online passed every check'), next);
  for (const want of ['`code --install-extension modelarts-image-kit.vsix`', 'Build and Test', '`npm run try`']) assert.ok(next.includes(want), want);
  assert.doesNotMatch(r.stdout, /\[engine-up\]/);
});
