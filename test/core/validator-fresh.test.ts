// The committed standalone validator must be what scripts/gen-validator.mjs makes from the current schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';

test('core/schema/generated/configValidator.js is fresh (run npm run build after editing the schema)', async () => {
  const gen = await import(pathToFileURL(path.join(repoRoot, 'scripts', 'gen-validator.mjs')).href);
  assert.equal(readFileSync(gen.OUT, 'utf8'), gen.generate());
});
