// Runs every test/fixtures/config/cases/<name>.json and compares its findings ("CODE:severity", sorted) with
// <name>.expect.json ({"findings": [...], "profile"?: "seed-2021" | "current"}).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Profile } from '../../core/types';
import { check, FIXTURES } from './config-helpers';

const dir = path.join(FIXTURES, 'cases');
const names = fs.readdirSync(dir).filter((n) => n.endsWith('.json') && !n.endsWith('.expect.json')).sort();

test('at least 12 cases, each with an expectation', () => {
  assert.ok(names.length >= 12, String(names.length));
  for (const n of names) assert.ok(fs.existsSync(path.join(dir, n.replace(/\.json$/, '.expect.json'))), n);
});

for (const n of names) {
  test(`case ${n}`, () => {
    const expect = JSON.parse(fs.readFileSync(path.join(dir, n.replace(/\.json$/, '.expect.json')), 'utf8')) as { findings: string[]; profile?: Profile };
    const found = check(fs.readFileSync(path.join(dir, n), 'utf8'), expect.profile ? { profile: expect.profile } : {});
    assert.deepEqual(found.map((f) => `${f.code}:${f.severity}`).sort(), [...expect.findings].sort(), JSON.stringify(found.map((f) => f.message.en), null, 1));
  });
}
