// The Dockerfile family's runner: the rule files (registry.ts) with a Dockerfile and a check, in code order.
import type { ProjectContext } from '../../context';
import { RULE_MODULES } from '../registry';
import { fatallyBroken } from '../../analysis/dockerfile/facts';
import { withSuppressFix } from '../suppression';
import { coded, type CodedRule } from '../isolate';

/**
 * One entry per rule: check.ts runs each in its own try/catch, so a rule that throws hides none of the others'
 * findings. MA200 first; every other rule only when the file can be used at all. Each finding carries a
 * "suppress here" fix.
 */
export const dockerfileRules: CodedRule[] = RULE_MODULES.filter((r) => r.meta.family === 'dockerfile' && r.check).map((r) => {
  const { code } = r.meta, check = r.check!;
  return coded(code, (ctx: ProjectContext) => {
    if (!ctx.dockerfile || (code !== 'MA200' && fatallyBroken(ctx))) return [];
    return check(ctx).map((f) => withSuppressFix(f, ctx));
  });
});
