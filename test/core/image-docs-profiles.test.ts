// Every MA4xx page says, per profile, what the platform does and what the run does, in English (docs/rules) and in
// Chinese (docs/rules/zh-cn): `current` is documented rule by rule (issue: "MA4xx doc pages say, per profile, what the
// platform does"). The Chinese text lives on the Chinese page only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULE_MODULES } from '../../core/rules/registry';

const DOCS = path.join(__dirname, '..', '..', 'docs', 'rules');

/** The text of a `## heading` section, up to the next `## `. */
function section(page: string, heading: string): string | undefined {
  const at = page.indexOf(`\n${heading}\n`);
  if (at < 0) return undefined;
  const rest = page.slice(at + heading.length + 2);
  const end = rest.search(/\n## /);
  return end < 0 ? rest : rest.slice(0, end);
}

const imageCodes = RULE_MODULES.map((m) => m.meta.code).filter((c) => c.startsWith('MA4'));

test('there are image rules to check', () => assert.ok(imageCodes.length >= 12, imageCodes.join(' ')));

const PAGES = [
  { heading: '## Per profile', dir: DOCS, lang: 'English' },
  { heading: '## 各配置下的行为', dir: path.join(DOCS, 'zh-cn'), lang: 'Chinese' },
];

for (const code of imageCodes) {
  test(`${code}'s pages say what seed-2021 and current do, in English and Chinese`, () => {
    for (const { heading, dir, lang } of PAGES) {
      const page = fs.readFileSync(path.join(dir, `${code}.md`), 'utf8');
      const text = section(page, heading);
      assert.ok(text, `${code} (${lang} page): no "${heading}" section`);
      assert.match(text, /seed-2021/, `${code} ${heading}: seed-2021`);
      assert.match(text, /current/, `${code} ${heading}: current`);
      if (lang === 'Chinese') assert.match(text, /[\u4e00-\u9fff]{4}/, `${code}: the Chinese section is in Chinese`);
    }
    const english = fs.readFileSync(path.join(DOCS, `${code}.md`), 'utf8');
    assert.equal(section(english, PAGES[1].heading), undefined, `${code}: the Chinese per-profile text belongs on zh-cn/${code}.md`);
  });
}
