// Every code of the catalogue has a page in docs/rules that ends with "## Why this severity" and
// "## 为什么是这个级别": the default severity under each profile in a machine-readable line, and the platform
// behaviour that justifies it with its source. The stated severities, the page's header line and the README rules
// table must all match catalogue.ts, so a severity change without a doc change fails here.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES, defaultSeverity } from '../../core/rules/catalogue';
import type { Profile } from '../../core/types';

const ROOT = path.join(__dirname, '..', '..');
const DOCS = path.join(ROOT, 'docs', 'rules');
const PROFILES: Profile[] = ['seed-2021', 'current'];
const EN = '## Why this severity';
const ZH = '## 为什么是这个级别';
/** A source the justification must name: the spec digest, SPEC.md or today's platform notes. */
const CITATION = /spec digest §\d|SPEC\.md|peers-and-spec-2026\.md/;

interface Stated { seed: string; current: string; text: string }

/** The body of the section that starts with `title` (up to the next "## " heading or the end). */
function sectionOf(md: string, title: string): string | undefined {
  const start = md.indexOf(`\n${title}\n`);
  if (start < 0) return undefined;
  const body = md.slice(start + title.length + 2);
  const end = body.indexOf('\n## ');
  return end < 0 ? body : body.slice(0, end);
}

/** Reads "Default severity: X (seed-2021), Y (current)" (en) or "默认级别：X（seed-2021），Y（current）" (zh). */
function stated(md: string, lang: 'en' | 'zh'): Stated | undefined {
  const body = sectionOf(md, lang === 'en' ? EN : ZH);
  if (body === undefined) return undefined;
  const re = lang === 'en'
    ? /^Default severity: (\w+) \(seed-2021\), (\w+) \(current\)$/m
    : /^默认级别：(\w+)（seed-2021），(\w+)（current）$/m;
  const m = re.exec(body);
  if (!m) return undefined;
  return { seed: m[1], current: m[2], text: body.replace(m[0], '').trim() };
}

const pageOf = (code: string) => fs.readFileSync(path.join(DOCS, `${code}.md`), 'utf8');
const fixHint = (code: string) => `update docs/rules/${code}.md (sections "${EN}" and "${ZH}") and the rule file (core/rules/<family>/${code}.ts), ` +
  `then run npm run gen:rules`;

for (const { code } of RULES) {
  test(`docs/rules/${code}.md ends with its severity reasons in English and Chinese, matching the catalogue`, () => {
    assert.ok(fs.existsSync(path.join(DOCS, `${code}.md`)), `docs/rules/${code}.md exists`);
    const md = pageOf(code);
    const headings = [...md.matchAll(/^## .+$/gm)].map((m) => m[0]);
    assert.deepEqual(headings.slice(-2), [EN, ZH], `the page ends with "${EN}" then "${ZH}"`);
    const want = { seed: defaultSeverity(code, 'seed-2021'), current: defaultSeverity(code, 'current') };
    for (const lang of ['en', 'zh'] as const) {
      const s = stated(md, lang);
      assert.ok(s, `${code} (${lang}): machine-readable default-severity line`);
      assert.deepEqual({ seed: s.seed, current: s.current }, want, `${code} (${lang}) states the catalogue's severities: ${fixHint(code)}`);
      assert.ok(s.text.length >= 80, `${code} (${lang}): the reason is written out`);
      assert.match(s.text, CITATION, `${code} (${lang}): the reason cites its source`);
    }
    assert.match(stated(md, 'zh')!.text, /[\u4e00-\u9fff]/, `${code}: the Chinese section is in Chinese`);
    // The header line ("Default severity: **error**.") says the same.
    const header = /Default severity: \*\*([^*]+)\*\*/.exec(md)?.[1];
    assert.ok(header, `${code}: header line`);
    for (const p of PROFILES) assert.ok(header.includes(defaultSeverity(code, p)),
      `${code} header states ${defaultSeverity(code, p)} (${p}): ${fixHint(code)}`);
  });
}

test('the README rules table gives each code its catalogue severities', () => {
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const { code } of RULES) {
    const row = new RegExp(`^\\| \\[${code}\\]\\(docs/rules/${code}\\.md\\) \\| [^|]+ \\| [^|]+ \\| ([^|]+) \\|$`, 'm').exec(readme);
    assert.ok(row, `README has a row for ${code}`);
    const cell = row[1];
    for (const p of PROFILES) assert.ok(cell.includes(defaultSeverity(code, p)), `README row of ${code} says ${defaultSeverity(code, p)} (${p}): "${cell}"`);
    const words = cell.match(/\b(error|warning|info|hint)\b/g) ?? [];
    assert.ok(words.every((w) => PROFILES.some((p) => defaultSeverity(code, p) === w)), `README row of ${code} names only its severities: "${cell}"`);
  }
});

test('the severity line parser rejects a page that states other severities or none', () => {
  const page = (line: string) => `# MA999: x\n\n## How to fix\nx\n\n${EN}\n\n${line}\n\nReason (spec digest §2.1).\n`;
  assert.deepEqual(stated(page('Default severity: warning (seed-2021), error (current)'), 'en')?.current, 'error');
  assert.equal(stated(page('Default severity: warning'), 'en'), undefined);
  assert.equal(stated('# MA999: x\n\n## Why\nDefault severity: error (seed-2021), error (current)\n', 'en'), undefined);
});

test('the MA4xx pages have the sections of every rule page', () => {
  const image = RULES.filter((r) => r.family === 'image').map((r) => r.code);
  assert.equal(image.length, 12);
  for (const code of image) {
    const md = pageOf(code);
    assert.match(md, new RegExp(`^# ${code}: `), `${code} title`);
    for (const s of ['## What it checks', '## Why', '## Failing example', '## Passing example', '## How to fix',
      '## Changing the severity']) assert.ok(md.includes(`\n${s}\n`), `${code}: ${s}`);
    assert.ok(md.includes(`--rule ${code}=`), `${code}: says how to change the severity`);
    const example = (title: string) => sectionOf(md, `## ${title}`) ?? '';
    for (const t of ['Failing example', 'Passing example']) assert.ok(example(t).trim().length > 20, `${code}: ${t} is written out`);
  }
});
