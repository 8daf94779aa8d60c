import type { Rule } from '../context';
import { ma301, ma302, ma303 } from './routes';
import { ma304 } from './missing';
import { fatallyBroken } from '../dockerfile/unusable';
import { withSuppressFix } from '../suppression';
import { coded, ruleCodeOf, type CodedRule } from '../isolate';

const rules: Rule[] = [ma301, ma302, ma303, ma304];

/**
 * The project rules, in code order, one entry per rule (check.ts isolates each). A Dockerfile too broken to read
 * leaves MA304 alone. Findings that land on the Dockerfile get the "suppress here" fix too.
 */
export const projectRules: CodedRule[] = rules.map((rule) =>
  coded(ruleCodeOf(rule), (ctx) => (rule !== ma304 && fatallyBroken(ctx) ? [] : rule(ctx).map((f) => withSuppressFix(f, ctx)))));
