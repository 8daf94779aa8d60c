// `npm run gen:rules`: writes what is generated from the rule files (README's rule table, docs/rules/README.md, the
// index of docs/rules/zh-cn/README.md, the language link at the top of each English page) and a skeleton page for any
// code without one. `--check` writes nothing and exits 1 when something is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../core/rules/catalogue';
import { pageSkeleton, ruleIndex, withLangLink, withTable, withZhIndex } from './lib/ruleDocs';

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

put('README.md', withTable(read('README.md')));
put('docs/rules/README.md', ruleIndex());
put('docs/rules/zh-cn/README.md', withZhIndex(read('docs/rules/zh-cn/README.md')));
for (const m of RULES) {
  put(m.doc, pageSkeleton(m), true);
  if (fs.existsSync(path.join(root, m.doc))) put(m.doc, withLangLink(read(m.doc), m.code));
}
if (stale.length) console.log(`${check ? 'stale' : 'wrote'}: ${stale.join(', ')}`);
process.exitCode = check && stale.length ? 1 : 0;
