// Every MA1xx code of the catalogue has a page in docs/rules (and its Chinese page in docs/rules/zh-cn), and each page's
// examples are true: the failing example (first ```json block) triggers the code, the passing example (second block)
// does not.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, defaultSeverity } from '../../core/rules/catalogue';
import { check, codes } from './config-helpers';
import { ZH_HEADINGS } from '../../scripts/lib/ruleDocs';

const DOCS = path.join(__dirname, '..', '..', 'docs', 'rules');
const configCodes = RULES.filter((r) => r.family === 'config').map((r) => r.code);

test('the catalogue has the twenty config codes MA100..MA119', () => {
  assert.equal(configCodes.length, 20);
});

for (const [code, zh] of configCodes.flatMap((c) => [[c, false], [c, true]] as const)) {
  test(`docs/rules/${zh ? 'zh-cn/' : ''}${code}.md: page and examples`, () => {
    const file = path.join(DOCS, zh ? 'zh-cn' : '', `${code}.md`);
    assert.ok(fs.existsSync(file), `${file} exists`);
    const md = fs.readFileSync(file, 'utf8');
    assert.match(md, new RegExp(`^# ${code}${zh ? '：' : ': '}`), 'title');
    for (const section of ['## What it checks', '## Why', '## Failing example', '## Passing example', '## How to fix',
      '## Changing the severity']) assert.ok(md.includes(zh ? ZH_HEADINGS[section] : section), section);
    assert.ok(md.includes('modelarts.rules'));
    const stated = (zh ? /默认级别：\*\*([^*]+)\*\*/ : /Default severity: \*\*([^*]+)\*\*/).exec(md)?.[1] ?? '';
    for (const p of ['seed-2021', 'current'] as const) assert.ok(stated.includes(defaultSeverity(code, p)),
      `${code} page states ${defaultSeverity(code, p)} (${p})`);
    const blocks = [...md.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]);
    assert.ok(blocks.length >= 2, 'two json blocks');
    const [bad, good] = blocks;
    assert.ok(codes(check(bad)).includes(code), `failing example triggers ${code}: ${JSON.stringify(codes(check(bad)))}`);
    assert.ok(!codes(check(good)).includes(code), `passing example does not trigger ${code}`);
    assert.deepEqual(check(good).filter((f) => f.severity === 'error' || f.severity === 'warning').map((f) => f.code), [], 'passing example is clean');
  });
}
