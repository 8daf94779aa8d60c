// MA109: package_version and restraint must be given together. Page: docs/rules/MA109.md
import type { JSONPath } from 'jsonc-parser';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { ConfigRuleIn } from '../../analysis/config/rule';
import { isObj, rangeOfNode, showPath, type Obj } from '../../analysis/config/paths';
import { fix, insertProperty, replaceNode } from '../../analysis/config/edits';

const messages = {
  noRestraint: (name: string, ver: unknown) => L(
    `${name}: package_version "${ver}" is given without restraint. Add "restraint": "EXACT" (or ATLEAST / ATMOST).`,
    `${name}：给出了 package_version "${ver}" 但没有 restraint。请添加 "restraint": "EXACT"（或 ATLEAST / ATMOST）。`),
  exactFix: L('Set restraint to "EXACT"', '将 restraint 设为 "EXACT"'),
  noVersion: (name: string, res: string) => L(
    `${name}: restraint "${res}" is given without package_version. Add the version, or remove restraint to install the latest.`,
    `${name}：给出了 restraint "${res}" 但没有 package_version。请补充版本号，或删除 restraint 以安装最新版本。`),
};

const given = (v: unknown): boolean => typeof v === 'string' && v !== '';
const absent = (v: unknown): boolean => v === undefined || v === '';

/** One package: a version without restraint (fix: EXACT), or a restraint without version ("" counts as absent). */
function packageFinding(doc: ConfigDoc, pkg: Obj, base: JSONPath): RawFinding | undefined {
  const ver = pkg.package_version;
  const res = pkg.restraint;
  const name = typeof pkg.package_name === 'string' ? pkg.package_name : showPath(base);
  if (given(ver) && !given(res) && absent(res)) {
    const n = doc.nodeAt([...base, 'package_version']);
    const resNode = doc.nodeAt([...base, 'restraint']);
    const edits = resNode ? [replaceNode(doc, resNode, 'EXACT')] : insertProperty(doc, base, 'restraint', 'EXACT');
    return n && { code: 'MA109', file: doc.file, range: rangeOfNode(doc, n), message: messages.noRestraint(name, ver), fixes: [fix(messages.exactFix, edits)] };
  }
  if (given(res) && !given(ver) && absent(ver)) {
    const n = doc.nodeAt([...base, 'restraint']);
    return n && { code: 'MA109', file: doc.file, range: rangeOfNode(doc, n), message: messages.noVersion(name, String(res)) };
  }
  return undefined;
}

function versionPairs(doc: ConfigDoc): RawFinding[] {
  const deps = (doc.value as Obj).dependencies;
  const out: RawFinding[] = [];
  if (!Array.isArray(deps)) return out;
  deps.forEach((dep, d) => {
    if (!isObj(dep) || !Array.isArray(dep.packages)) return;
    dep.packages.forEach((pkg, p) => {
      const f = isObj(pkg) ? packageFinding(doc, pkg, ['dependencies', d, 'packages', p]) : undefined;
      if (f) out.push(f);
    });
  });
  return out;
}

export default defineRule({
  meta: {
    code: 'MA109',
    family: 'config',
    severity: 'error',
    title: L('package_version and restraint must be given together', 'package_version 与 restraint 必须同时给出'),
  },
  messages,
  semantic: versionPairs,
} satisfies ConfigRuleIn);
