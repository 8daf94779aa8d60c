import type { ProjectContext, Rule } from '../context';
import { fatallyBroken, ma200 } from './unusable';
import { ma201, ma202, ma203 } from './network';
import { ma204, ma205 } from './batch';
import { ma206, ma207, ma209 } from './process';
import { ma208, ma210, ma211, ma212 } from './content';
import { ma213 } from './shellSyntax';
import { withSuppressFix } from '../suppression';
import { coded, ruleCodeOf, type CodedRule } from '../isolate';

const serving: Rule[] = [ma201, ma202, ma203, ma204, ma205, ma206, ma207, ma208, ma209, ma210, ma211, ma212, ma213];

/** MA200 first; every other rule only when the file can be used at all. Each finding carries a "suppress here" fix. */
const gated = (rule: Rule): CodedRule =>
  coded(ruleCodeOf(rule), (ctx: ProjectContext) => (!ctx.dockerfile || fatallyBroken(ctx) ? [] : rule(ctx).map((f) => withSuppressFix(f, ctx))));

/**
 * The dockerfile rules, in code order, one entry per rule: check.ts runs each in its own try/catch, so a rule that
 * throws hides none of the others' findings.
 */
export const dockerfileRules: CodedRule[] = [
  coded('MA200', (ctx) => (ctx.dockerfile ? ma200(ctx).map((f) => withSuppressFix(f, ctx)) : [])),
  ...serving.map(gated),
];
