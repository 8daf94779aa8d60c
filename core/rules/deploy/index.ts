// The deployment file family's runner: the rule files (registry.ts) with a check, in code order. Each reads the
// parsed deployment file (ctx.deploy); MA121 and MA122 only when it is usable (MA120 says when it is not).
import { RULE_MODULES } from '../registry';
import { familyRules } from '../isolate';

export const deployRules = familyRules(RULE_MODULES, 'deploy');
