// The deployment file's pages (MA120-MA122): the sections of every rule page, and true examples: the failing
// ```jsonc modelarts-deploy.json block triggers the code, the passing one does not and gives no warning or error,
// under both profiles, in the online example folder. The Chinese pages (docs/rules/zh-cn) likewise.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../../core/rules/catalogue';
import { check } from '../fixtures/dockerfile/harness';
import { GOOD, SERVER } from '../helpers/folders';
import { ZH_HEADINGS } from '../../scripts/lib/ruleDocs';

const DOCS = path.join(__dirname, '..', '..', 'docs', 'rules');
const codes = RULES.filter((r) => r.family === 'deploy').map((r) => r.code);

function example(md: string, title: string): string {
  const start = md.indexOf(title);
  const end = md.indexOf('\n## ', start + 4);
  const m = /```jsonc modelarts-deploy\.json\n([\s\S]*?)```/.exec(md.slice(start, end < 0 ? undefined : end));
  assert.ok(start >= 0 && m, `${title}: a jsonc modelarts-deploy.json block`);
  return m[1];
}

test('the deployment file family is MA120, MA121, MA122', () => assert.deepEqual(codes, ['MA120', 'MA121', 'MA122']));

for (const [code, zh] of codes.flatMap((c) => [[c, false], [c, true]] as const)) {
  test(`docs/rules/${zh ? 'zh-cn/' : ''}${code}.md: page and examples`, () => {
    const md = fs.readFileSync(path.join(DOCS, zh ? 'zh-cn' : '', `${code}.md`), 'utf8');
    const heading = (s: string) => (zh ? ZH_HEADINGS[s] : s);
    for (const s of ['## What it checks', '## Why', '## Failing example', '## Passing example', '## How to fix',
      '## Changing the severity']) assert.ok(md.includes(`\n${heading(s)}\n`), s);
    assert.ok(md.includes('modelarts.rules') && md.includes(`--rule ${code}=`));
    for (const profile of ['seed-2021', 'current'] as const) {
      const folder = (deploy: string) => check({ Dockerfile: GOOD, 'server.py': SERVER, 'modelarts-deploy.json': deploy }, { profile });
      assert.ok(folder(example(md, heading('## Failing example'))).codes.includes(code), `${profile}: failing example triggers ${code}`);
      const good = folder(example(md, heading('## Passing example')));
      assert.deepEqual(good.findings.filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => `${f.code} ${f.message.en}`), [],
        `${profile}: passing example is clean`);
    }
  });
}
