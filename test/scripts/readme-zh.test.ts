// README.zh-CN.md says what README.md says: the same sections in the same order, every CLI flag, npm script,
// setting and code README.md names, links both ways, and the rule table generated in Chinese.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { RULES } from '../../core/rules/catalogue';
import { readmeTableZh, withTable, zhPage } from '../../scripts/lib/ruleDocs';
import { repoRoot } from '../helpers/tmp';

const en = fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8');
const zh = fs.readFileSync(path.join(repoRoot, 'README.zh-CN.md'), 'utf8');

/** Each README.md heading and its Chinese twin: a new section in README.md fails here until README.zh-CN.md has it. */
const HEADINGS: [string, string][] = [
  ['# ModelArts Image Kit', '# ModelArts Image Kit'],
  ['## Quick start', '## 快速开始'],
  ['## CLI', '## 命令行（CLI）'],
  ['### Push', '### 推送（push）'],
  ['## Developing', '## 开发'],
  ['## Which files are checked', '## 检查哪些文件'],
  ['## Deployment file', '## 部署文件'],
  ['## Rules', '## 规则'],
  ['## Settings', '## 设置'],
  ['## Layout', '## 代码结构'],
];

/** Markdown headings outside code blocks (a `#` comment in a sh block is no heading). */
function headings(md: string): string[] {
  const out: string[] = [];
  let fenced = false;
  for (const line of md.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    else if (!fenced && /^#{1,6} /.test(line)) out.push(line);
  }
  return out;
}

/** Each section's text by heading (a heading's section runs to the next heading), the generated rule table left out. */
function sections(md: string): Map<string, string> {
  const out = new Map<string, string>();
  const body = md.replace(/<!-- rules:start[^]*?<!-- rules:end -->/, '');
  let fenced = false, current = '';
  for (const line of body.split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    if (!fenced && /^#{1,6} /.test(line)) out.set((current = line), '');
    else out.set(current, (out.get(current) ?? '') + line + '\n');
  }
  return out;
}

const digest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

const all = (md: string, re: RegExp) => [...new Set([...md.matchAll(re)].map((m) => m[0]))].sort();

test('README.zh-CN.md has every section of README.md, in the same order', () => {
  assert.deepEqual(headings(en), HEADINGS.map(([e]) => e), 'README.md has a section the map does not know: add it to both');
  assert.deepEqual(headings(zh), HEADINGS.map(([, z]) => z));
});

test('each Chinese section says it was written from the English section as it is now (a changed English section fails here)', () => {
  const enSections = sections(en), zhSections = sections(zh);
  for (const [e, z] of HEADINGS) {
    const marker = `<!-- README.md ${e.replace(/^#+ /, '')}: ${digest(enSections.get(e)!)} -->`;
    assert.ok(zhSections.get(z)!.startsWith('\n' + marker + '\n'),
      `README.md's section "${e}" changed since README.zh-CN.md's "${z}" was written from it: say the same there, then put\n${marker}\n` +
      'on the line after its heading');
  }
});

test('README.zh-CN.md names every CLI flag, npm script, setting and code README.md names', () => {
  const flags = all(en, /(?<![\w-])--[a-z][a-z0-9-]*/g);
  assert.ok(flags.includes('--tunnel') && flags.length > 20, `flags read from README.md: ${flags.join(' ')}`);
  for (const [what, re] of [
    ['CLI flag', /(?<![\w-])--[a-z][a-z0-9-]*/g], ['npm command', /npm (?:run [a-z0-9:]+|start|test|ci)/g], ['setting', /modelarts\.[a-zA-Z.]*[a-zA-Z]/g],
    ['code', /MA\d{3}/g], ['exit status', /`\d{1,3}`/g], ['environment variable', /\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b/g],
  ] as const) {
    const missing = all(en, re).filter((x) => !zh.includes(x));
    assert.deepEqual(missing, [], `README.zh-CN.md lacks these ${what}s of README.md`);
  }
});

test('the two READMEs link to each other at the top', () => {
  assert.match(en.split('\n').slice(0, 4).join('\n'), /\[简体中文\]\(README\.zh-CN\.md\)/);
  assert.match(zh.split('\n').slice(0, 6).join('\n'), /\[English\]\(README\.md\)/);
});

test('a code\'s link in README.zh-CN.md goes to its Chinese page once there is one', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'zh-pages-'));
  try {
    fs.mkdirSync(path.join(root, 'docs/rules/zh-cn'), { recursive: true });
    fs.writeFileSync(path.join(root, 'docs/rules/zh-cn/MA100.md'), '# MA100\n');
    assert.equal(zhPage(root, 'MA100'), 'docs/rules/zh-cn/MA100.md');
    assert.equal(zhPage(root, 'MA101'), 'docs/rules/MA101.md');
    assert.match(readmeTableZh(root), /\| \[MA100\]\(docs\/rules\/zh-cn\/MA100\.md\) \| config\.json 不是合法的 JSON \| 错误 \|/);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});

test('README.zh-CN.md\'s rule table is generated, with Chinese titles and severities', () => {
  assert.equal(withTable(zh, readmeTableZh(repoRoot)), zh, 'run `npm run gen:rules`');
  const rows = zh.split('\n').filter((l) => l.startsWith('| [MA'));
  assert.equal(rows.length, RULES.length);
  assert.ok(rows.includes(`| [MA203](${zhPage(repoRoot, 'MA203')}) | 服务监听的端口不是 8080 | 错误（current 下为警告） |`), rows.join('\n'));
  for (const m of RULES) assert.ok(fs.existsSync(path.join(repoRoot, zhPage(repoRoot, m.code))), `${m.code}'s link goes to a page`);
  for (const m of RULES) assert.ok(rows.some((r) => r.startsWith(`| [${m.code}]`) && r.includes(m.title.zh) && !r.includes(m.title.en)), m.code);
});
