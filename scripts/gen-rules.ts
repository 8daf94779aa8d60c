// `npm run gen:rules`: writes what is generated from the rule files (README's rule table, docs/rules/README.md, the
// index of docs/rules/zh-cn/README.md, the language link at the top of each English page) and skeleton pages (English
// and Chinese) for a code without a page. `--check` writes nothing and exits 1 when something is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../core/rules/catalogue';
import { pageSkeleton, readmeTableZh, ruleIndex, withLangLink, withTable, withZhIndex, zhPageSkeleton } from './lib/ruleDocs';

const root = path.join(__dirname, '..');
const check = process.argv.includes('--check');
const stale: string[] = [];
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

function put(rel: string, text: string, onlyIfMissing = false): void {
  const file = path.join(root, rel);
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (old === text || (onlyIfMissing && old !== undefined)) return;
  stale.push(rel);
  if (!check) fs.writeFileSync(file, text);
}
// README.zh-CN.md has the README's table in Chinese (titles, severities).
put('README.zh-CN.md', withTable(read('README.zh-CN.md'), readmeTableZh(root)));

put('README.md', withTable(read('README.md')));
put('docs/rules/README.md', ruleIndex());
put('docs/rules/zh-cn/README.md', withZhIndex(read('docs/rules/zh-cn/README.md')));
for (const m of RULES) {
  // A new code (no English page yet) gets both pages' skeletons; an existing one only its language link.
  if (!fs.existsSync(path.join(root, m.doc))) {
    put(m.doc, pageSkeleton(m), true);
    put(m.doc.replace('docs/rules/', 'docs/rules/zh-cn/'), zhPageSkeleton(m), true);
  } else put(m.doc, withLangLink(read(m.doc), m.code));
}
if (stale.length) console.log(`${check ? 'stale' : 'wrote'}: ${stale.join(', ')}`);
process.exitCode = check && stale.length ? 1 : 0;
