// The VS Code e2e suite (test/e2e, run by `npm run test:e2e`) has no wait that swallows its own failure: a
// `.waitFor(...).catch(...)` would turn "never appeared" into a pass. Catching around a screenshot after a failure
// or closing the browser is fine (those are not assertions).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';

const files = (d: string): string[] => fs.readdirSync(d,
  { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? (e.name === 'artifacts' ? [] : files(path.join(d,
  e.name))) : /\.m?js$/.test(e.name) ? [path.join(d, e.name)] : []));

test('no e2e wait swallows its failure', () => {
  const all = files(path.join(repoRoot, 'test', 'e2e'));
  assert.ok(all.some((f) => f.endsWith('scenarios.mjs')), 'the e2e scenarios are found');
  const bad: string[] = [];
  for (const f of all) {
    fs.readFileSync(f, 'utf8').split('\n').forEach((line, i) => {
      if (/\.(waitFor|waitForFunction|waitForSelector|waitForTimeout)\([^)]*\)[^;]*\.catch\(/.test(line)) {
        bad.push(`${path.relative(repoRoot, f)}:${i + 1}: ${line.trim()}`);
      }
    });
  }
  assert.deepEqual(bad, []);
});
