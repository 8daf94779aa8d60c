import type { RawFinding } from '../../core/types';
import type { ProjectContext, Rule } from '../context';
import { fatallyBroken, ma200 } from './unusable';
import { ma201, ma202, ma203 } from './network';
import { ma204, ma205 } from './batch';
import { ma206, ma207, ma209 } from './process';
import { ma208, ma210, ma211, ma212 } from './content';
import { ma213 } from './shellSyntax';
import { withSuppressFix } from '../suppression';

const serving: Rule[] = [ma201, ma202, ma203, ma204, ma205, ma206, ma207, ma208, ma209, ma210, ma211, ma212, ma213];

/** MA200 alone when the file cannot be used; otherwise every rule. Each finding carries a "suppress here" fix. */
const all: Rule = (ctx: ProjectContext): RawFinding[] => {
  if (!ctx.dockerfile) return [];
  const out = ma200(ctx);
  if (!fatallyBroken(ctx)) for (const r of serving) out.push(...r(ctx));
  return out.map((f) => withSuppressFix(f, ctx));
};

/** The dockerfile rules, in code order. */
export const dockerfileRules: Rule[] = [all];
