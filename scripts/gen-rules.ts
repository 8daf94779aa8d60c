// `npm run gen:rules`: writes what is generated from the rule files (README's rule table, docs/rules/README.md)
// and a skeleton page for any code without one. `--check` writes nothing and exits 1 when something is stale.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from '../core/rules/catalogue';
import { pageSkeleton, readmeTableZh, ruleIndex, withTable } from './lib/ruleDocs';

const root = path.join(__dirname, '..');
const check = process.argv.includes('--check');
const stale: string[] = [];

function put(rel: string, text: string, onlyIfMissing = false): void {
  const file = path.join(root, rel);
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  if (old === text || (onlyIfMissing && old !== undefined)) return;
  stale.push(rel);
  if (!check) fs.writeFileSync(file, text);
}
// README.zh-CN.md has the README's table in Chinese (titles, severities).
put('README.zh-CN.md', withTable(fs.readFileSync(path.join(root, 'README.zh-CN.md'), 'utf8'), readmeTableZh(root)));

put('README.md', withTable(fs.readFileSync(path.join(root, 'README.md'), 'utf8')));
put('docs/rules/README.md', ruleIndex());
for (const m of RULES) put(m.doc, pageSkeleton(m), true);
if (stale.length) console.log(`${check ? 'stale' : 'wrote'}: ${stale.join(', ')}`);
process.exitCode = check && stale.length ? 1 : 0;
