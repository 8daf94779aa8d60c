// The Dockerfile family's runner: the rule files (registry.ts) with a check, in code order.
import { RULE_MODULES } from '../registry';
import { familyRules } from '../isolate';

/**
 * One entry per rule: check.ts runs each in its own try/catch, so a rule that throws hides none of the others'
 * findings. A rule needs a usable Dockerfile through `facts()` (none for a file MA200 reports unusable); each
 * finding carries a "suppress here" fix.
 */
export const dockerfileRules = familyRules(RULE_MODULES, 'dockerfile');
