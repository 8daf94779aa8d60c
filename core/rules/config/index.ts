// The config.json rules (MA100..MA119): the family's runner. It takes the rule files (registry.ts) through the passes
// of a config rule (core/analysis/config/rule.ts) in a fixed order: unreadable, syntax, a root that is no object,
// then on an object the hand-written checks and the schema pass together, so one problem gives one finding.
import type { RawFinding } from '../../types';
import type { ConfigDoc } from '../../parse/config';
import type { Rule, ProjectContext } from '../../context';
import type { RuleModule } from '../rule';
import { RULE_MODULES } from '../registry';
import { coded, isolated } from '../isolate';
import type { ConfigRule } from '../../analysis/config/rule';
import { schemaFindings, schemaReaders, type SchemaReaders } from '../../analysis/config/schemaPass';
import { isBroken, trustedFindings, type TrustOf } from '../../analysis/config/trust';
import { isObj } from '../../analysis/config/paths';

interface Family { rules: readonly ConfigRule[]; readers: SchemaReaders; trustOf: TrustOf }

const isConfigRule = (m: RuleModule): m is ConfigRule => m.meta.family === 'config';

const family: Family = (() => {
  const rules = RULE_MODULES.filter(isConfigRule);
  const trust = new Map(rules.map((r) => [r.meta.code, r.trust]));
  return { rules, readers: schemaReaders(rules), trustOf: (code) => trust.get(code) };
})();

type Hook = 'unreadable' | 'syntax' | 'notObject' | 'semantic';

/** One pass over the rules that take part in it, each rule in its own try/catch (a bug hides only its findings). */
function each(ctx: ProjectContext, label: string, hook: Hook, run: (r: ConfigRule) => RawFinding[]): RawFinding[] {
  const out: RawFinding[] = [];
  for (const r of family.rules) if (r[hook]) out.push(...isolated(`${r.meta.code} (${label})`, ctx, () => run(r)));
  return out;
}

/** The hand-written checks, then the schema pass, which skips what they claimed. */
function objectFindings(ctx: ProjectContext, doc: ConfigDoc): RawFinding[] {
  const { readers, trustOf } = family;
  const claimed = new Set<string>();
  const rest = [
    ...each(ctx, 'config semantics', 'semantic', (r) => r.semantic!(doc, claimed)),
    ...isolated('MA101-MA119 (config schema)', ctx, () => schemaFindings(doc, claimed, ctx.opts.profile, readers)),
  ];
  return isBroken(doc) ? trustedFindings(doc, rest, trustOf) : rest;
}

function checkConfig(ctx: ProjectContext): RawFinding[] {
  const doc = ctx.config;
  if (!doc) return [];
  if (doc.unreadable) return each(ctx, 'unreadable', 'unreadable', (r) => r.unreadable!(doc));
  const out = each(ctx, 'syntax', 'syntax', (r) => r.syntax!(doc));
  // The value decides (a plain file's node tree is built only when a finding needs a range).
  if (doc.value === undefined) return out;
  if (!isObj(doc.value)) {
    // Broken and not an object: what it was meant to be is a guess; the syntax findings say enough.
    return isBroken(doc) || !doc.root ? out : out.concat(each(ctx, 'root', 'notObject', (r) => r.notObject!(doc, doc.root!)));
  }
  return out.concat(objectFindings(ctx, doc));
}

/** The config rules, in code order. */
export const configRules: Rule[] = [coded('MA1xx', checkConfig)];
