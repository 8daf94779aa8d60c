// The committed standalone validators must be what scripts/gen-validator.mjs makes from the current schema.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as path from 'node:path';
import { repoRoot } from '../helpers/tmp';

test('core/schema/generated/*Validator.js are fresh (run npm run build after editing a schema)', async () => {
  const gen = await import(pathToFileURL(path.join(repoRoot, 'scripts', 'gen-validator.mjs')).href);
  assert.equal(gen.TARGETS.length, 2);
  for (const t of gen.TARGETS) assert.equal(readFileSync(t.out, 'utf8'), gen.generate(t), t.schema);
});
