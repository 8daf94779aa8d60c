// What is generated from the rule files is up to date, and each code has exactly one rule file named by it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_MODULES } from '../../core/rules/registry';
import { RULES } from '../../core/rules/catalogue';
import { pageSkeleton, readmeTable, ruleIndex, severityText, withTable } from '../../scripts/lib/ruleDocs';

const ROOT = path.join(__dirname, '..', '..');
const read = (rel: string) => fs.readFileSync(path.join(ROOT, rel), 'utf8');
const HOW = 'run `npm run gen:rules`';

test('the README rule table is the one generated from the rule files', () => {
  const readme = read('README.md');
  assert.equal(withTable(readme), readme, HOW);
  assert.equal(readmeTable().split('\n').filter((l) => l.startsWith('| [MA')).length, RULES.length);
  assert.match(readme, new RegExp(/\| \[MA203\]\(docs\/rules\/MA203\.md\) \| The server listens on a port other than 8080 \| /.source +
    /服务监听的端口不是 8080 \| error \(warning under current\) \|/.source));
});

test('docs/rules/README.md is the generated rule index', () => {
  assert.equal(read('docs/rules/README.md'), ruleIndex(), HOW);
  assert.match(ruleIndex(), /\| \[MA116\]\(MA116\.md\) .* \| info \(warning under current\) \| 信息（current 下为警告） \|/);
});

test('each code has exactly one rule file, named by it, in its family folder, its own test file and a page', () => {
  const codes = RULE_MODULES.map((m) => m.meta.code);
  assert.equal(new Set(codes).size, codes.length, 'codes are unique');
  assert.deepEqual(codes, [...codes].sort(), 'the registry is in code order');
  for (const m of RULE_MODULES) {
    const file = path.join(ROOT, 'core', 'rules', m.meta.family, `${m.meta.code}.ts`);
    assert.ok(fs.existsSync(file), file);
    assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`code: '${m.meta.code}'`), `${file} declares its own code`);
    assert.ok(fs.existsSync(path.join(ROOT, m.meta.doc)), m.meta.doc);
    const spec = path.join(ROOT, 'test', 'rules', `${m.meta.code}.test.ts`);
    assert.ok(fs.existsSync(spec), `${m.meta.code} has its own test file`);
    assert.match(fs.readFileSync(spec, 'utf8'), new RegExp(m.meta.code), `${spec} is about ${m.meta.code}`);
  }
  const files = fs.readdirSync(path.join(ROOT, 'core', 'rules'), { recursive: true }).map(String).filter((f) => /MA\d{3}\.ts$/.test(f));
  assert.deepEqual(files.map((f) => path.basename(f, '.ts')).sort(), codes, 'no rule file outside the registry');
});

test('a new code gets a page skeleton with the sections the doc tests require', () => {
  const meta = { ...RULES.find((m) => m.code === 'MA116')!, code: 'MA199' };
  const page = pageSkeleton(meta);
  assert.match(page, /^# MA199: An Image model without health\n/);
  for (const s of ['## What it checks', '## Why', '## Failing example', '## Passing example', '## How to fix', '## Changing the severity',
    '## Why this severity', '## 为什么是这个级别']) {
    assert.ok(page.includes(s), s);
  }
  assert.match(page, /Default severity: info \(seed-2021\), warning \(current\)/);
  assert.equal(severityText(meta, 'zh-cn'), '信息（current 下为警告）');
});
