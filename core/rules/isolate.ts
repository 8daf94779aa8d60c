// One rule, one try/catch: a rule that throws loses only its own findings, and the warning names its code.
import type { RawFinding } from '../types';
import type { ProjectContext, Rule } from '../context';
import type { RuleMeta, RuleModule } from './rule';
import { withSuppressFix } from './suppression';

/** A rule that knows the code it reports (for the warning when it throws). */
export type CodedRule = Rule & { readonly ruleCode?: string };

/** `ma203` → MA203; a rule without a code name keeps its function name. */
export function ruleCodeOf(rule: Rule): string {
  const tagged = (rule as CodedRule).ruleCode;
  if (tagged) return tagged;
  return /^ma\d{3}$/i.test(rule.name) ? rule.name.toUpperCase() : rule.name || 'anonymous';
}

/** Tags a wrapper with the code of the rule it runs (a wrapper's own name says nothing). */
export function coded(code: string, fn: Rule): CodedRule {
  return Object.assign(fn, { ruleCode: code });
}

export type RuleErrorListener = (code: string, dir: string, error: unknown) => void;
const listeners = new Set<RuleErrorListener>();

/**
 * Observes rule exceptions: the fuzzers and property tests count them as crashes (the check itself swallows them).
 * A listener that throws makes the check throw. Returns the unsubscribe function.
 */
export function onRuleError(listener: RuleErrorListener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Reports a rule's exception on the process warning channel (stderr in the CLI and the server). */
function reportRuleError(code: string, dir: string, e: unknown): void {
  for (const l of listeners) l(code, dir, e);
  process.emitWarning(`rule ${code} failed on ${dir}: ${(e as Error)?.stack ?? String(e)}`, 'ModelArtsRuleError');
}

/** Runs one rule; an exception is reported under the rule's code and gives no findings. */
export function runIsolated(rule: Rule, ctx: ProjectContext): RawFinding[] {
  return isolated(ruleCodeOf(rule), ctx, () => rule(ctx));
}

/** Runs one piece of a rule family (a pass of the config rules) under its own try/catch. */
export function isolated(code: string, ctx: ProjectContext, body: () => RawFinding[]): RawFinding[] {
  try {
    return body();
  } catch (e) {
    reportRuleError(code, ctx.folder.dir, e);
    return [];
  }
}

/** A family's rule files with a check, in registry order, each tagged with its code; findings get "suppress here". */
export function familyRules(modules: readonly RuleModule[], family: RuleMeta['family']): CodedRule[] {
  return modules.filter((r) => r.meta.family === family && r.check).map((r) => {
    const check = r.check!;
    return coded(r.meta.code, (ctx) => check(ctx).map((f) => withSuppressFix(f, ctx)));
  });
}
