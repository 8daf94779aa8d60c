// The project family's runner: the cross-file rule files (registry.ts), in code order.
import { RULE_MODULES } from '../registry';
import { fatallyBroken } from '../../analysis/dockerfile/facts';
import { withSuppressFix } from '../suppression';
import { coded, type CodedRule } from '../isolate';

/**
 * One entry per rule (check.ts isolates each). A Dockerfile too broken to read leaves MA304 alone. Findings that
 * land on the Dockerfile get the "suppress here" fix too.
 */
export const projectRules: CodedRule[] = RULE_MODULES.filter((r) => r.meta.family === 'project' && r.check).map((r) => {
  const { code } = r.meta, check = r.check!;
  return coded(code, (ctx) => (code !== 'MA304' && fatallyBroken(ctx) ? [] : check(ctx).map((f) => withSuppressFix(f, ctx))));
});
