// Every code has a Chinese page (docs/rules/zh-cn/<CODE>.md) that says what its English page says, section by section:
// the title is the rule's Chinese title, the headings are the English page's mapped through ZH_HEADINGS (in order),
// the code blocks are the same (so the examples the *-docs tests run are the same), every section's prose is in
// Chinese, and the severity lines match the catalogue. Also the language links and the generated Chinese index.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, severityOf } from '../../core/rules/catalogue';
import { ruleDocPath } from '../../core/docs';
import { ZH_HEADINGS, langLink, pageSkeleton, withZhIndex, zhPageSkeleton, zhRuleIndex } from '../../scripts/lib/ruleDocs';

const DOCS = path.join(__dirname, '..', '..', 'docs', 'rules');
const CJK = /[\u4e00-\u9fff]/;
const read = (...p: string[]) => fs.readFileSync(path.join(DOCS, ...p), 'utf8');

const headings = (md: string) => [...withoutCode(md).matchAll(/^#{2,3} .+$/gm)].map((m) => m[0]);
const blocks = (md: string) => [...md.matchAll(/^```.*\n[\s\S]*?^```$/gm)].map((m) => m[0]);
const withoutCode = (md: string) => md.replace(/^```.*\n[\s\S]*?^```$/gm, '');

/** The English page's headings as its Chinese page must have them; an unmapped heading is named. */
function expectedHeadings(en: string): string[] {
  return headings(en).filter((h) => !CJK.test(h)).map((h) => ZH_HEADINGS[h] ?? `(no Chinese heading for "${h}" in ZH_HEADINGS)`);
}

/** The prose of each `##`/`###` section (code blocks removed), by heading. */
function sections(md: string): [string, string][] {
  const parts = withoutCode(md).split(/^(?=#{2,3} )/m).slice(1);
  return parts.map((p) => [p.split('\n')[0], p.slice(p.indexOf('\n') + 1)]);
}

/** Lines of a paragraph broken between two Chinese characters (or full-width punctuation), as `line: ...`. */
function wrappedBetweenChinese(md: string): string[] {
  const lines = withoutCode(md).split('\n');
  const wide = '[\\u3000-\\u303f\\u4e00-\\u9fff\\uff00-\\uffef]';
  return lines.flatMap((a, i) => {
    const b = (lines[i + 1] ?? '').trimStart();
    const joined = !/^(#|\||- |\* |\d+\. |<!--)/.test(b) && !/^(#|\|)/.test(a);
    return joined && new RegExp(`${wide}$`).test(a) && new RegExp(`^${wide}`).test(b) ? [`${i + 1}: ${a.slice(-12)}⏎${b.slice(0, 12)}`] : [];
  });
}

for (const m of RULES) {
  test(`docs/rules/zh-cn/${m.code}.md says what docs/rules/${m.code}.md says, in Chinese`, () => {
    assert.ok(fs.existsSync(path.join(DOCS, 'zh-cn', `${m.code}.md`)), `docs/rules/zh-cn/${m.code}.md exists`);
    const en = read(`${m.code}.md`), zh = read('zh-cn', `${m.code}.md`);
    const lines = zh.split('\n');
    assert.equal(lines[0], `# ${m.code}：${m.title.zh}`, 'the title line is the code and the rule\'s Chinese title');
    assert.equal(lines[2], langLink(m.code, 'zh-cn'), 'line 3 links to the English page');
    assert.equal(en.split('\n')[2], langLink(m.code, 'en'), 'the English page links to the Chinese one (npm run gen:rules)');
    assert.deepEqual(headings(zh), expectedHeadings(en), 'the headings, mapped');
    assert.deepEqual(blocks(zh), blocks(en), 'the same code blocks, in the same order');
    const header = /^默认级别：\*\*([^*]+)\*\*/m.exec(zh)?.[1] ?? '';
    for (const p of ['seed-2021', 'current'] as const) assert.ok(header.includes(severityOf(m, p)), `the header line states ${severityOf(m, p)} (${p})`);
    const why = /\n## 为什么是这个级别\n\n默认级别：(\w+)（seed-2021），(\w+)（current）\n/.exec(zh);
    assert.deepEqual(why?.slice(1), [severityOf(m, 'seed-2021'), severityOf(m, 'current')], 'the page ends with its severity reasons');
    assert.ok(zh.trimEnd().lastIndexOf('\n## ') === zh.indexOf('\n## 为什么是这个级别'), '"## 为什么是这个级别" is the last section');
    assert.deepEqual(wrappedBetweenChinese(zh), [], 'one line per paragraph: a line break between Chinese characters renders as a space');
    for (const [h, body] of sections(zh)) {
      const prose = body.replace(/`[^`]*`/g, '').trim();
      if (prose) assert.match(prose, CJK, `${h}: the prose is in Chinese`);
    }
  });
}

test('every English heading of the pages has its Chinese heading, and the mapping says each once', () => {
  const unmapped = RULES.flatMap((m) => headings(read(`${m.code}.md`)).filter((h) => !CJK.test(h) && !ZH_HEADINGS[h]));
  assert.deepEqual([...new Set(unmapped)], []);
  const zh = Object.values(ZH_HEADINGS);
  assert.equal(new Set(zh).size, zh.length);
  for (const h of zh) assert.match(h, CJK);
});

test('ruleDocPath: the Chinese page under zh-cn, the English page under en', () => {
  assert.equal(ruleDocPath('MA100', 'zh-cn'), path.join(DOCS, 'zh-cn', 'MA100.md'));
  assert.equal(ruleDocPath('MA100', 'en'), path.join(DOCS, 'MA100.md'));
  assert.equal(ruleDocPath('MA999', 'zh-cn'), path.join(DOCS, 'MA999.md'), 'no Chinese page: the English one');
});

test('docs/rules/zh-cn/README.md carries the generated Chinese index', () => {
  const readme = read('zh-cn', 'README.md');
  assert.equal(withZhIndex(readme), readme, 'run `npm run gen:rules`');
  const index = zhRuleIndex();
  assert.match(index, /\| \[MA116\]\(MA116\.md\) \| Image 模型未配置 health \| 信息（current 下为警告） \|/);
  assert.equal(index.split('\n').filter((l) => l.startsWith('| [MA')).length, RULES.length);
  assert.doesNotMatch(index.replace(/`[^`]*`|\[MA\d+\]\(MA\d+\.md\)|\| MA\d+ /g, ''), /\b(error|warning|info|hint)\b/);
});

test('a new code gets a Chinese skeleton with the English skeleton\'s sections, mapped, and its code blocks', () => {
  const meta = { ...RULES.find((m) => m.code === 'MA116')!, code: 'MA199' };
  const en = pageSkeleton(meta), zh = zhPageSkeleton(meta);
  assert.equal(zh.split('\n')[0], '# MA199：Image 模型未配置 health');
  assert.equal(en.split('\n')[2], langLink('MA199', 'en'));
  assert.deepEqual(headings(zh), expectedHeadings(en));
  assert.deepEqual(blocks(zh), blocks(en));
  assert.match(zh, /\n## 为什么是这个级别\n\n默认级别：info（seed-2021），warning（current）\n/);
  assert.match(zh, /^默认级别：\*\*info（seed-2021） \/ warning（current）\*\*/m);
});
