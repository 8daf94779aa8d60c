import type { Rule } from '../context';
import { ma301, ma302, ma303 } from './routes';
import { ma304 } from './missing';
import { fatallyBroken } from '../dockerfile/unusable';
import { withSuppressFix } from '../suppression';

const rules: Rule[] = [ma301, ma302, ma303, ma304];

/** The project rules, in code order. Findings that land on the Dockerfile get the "suppress here" fix too. */
export const projectRules: Rule[] = [
  (ctx) => (fatallyBroken(ctx) ? ma304(ctx) : rules.flatMap((r) => r(ctx))).map((f) => withSuppressFix(f, ctx)),
];
