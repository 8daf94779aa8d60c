// The project family's runner: the cross-file rule files (registry.ts), in code order.
import { RULE_MODULES } from '../registry';
import { familyRules } from '../isolate';

/**
 * One entry per rule (check.ts isolates each). The rules that read the Dockerfile do so through `facts()`, so a
 * Dockerfile too broken to read leaves them silent (MA304 alone). Findings on the Dockerfile get "suppress here".
 */
export const projectRules = familyRules(RULE_MODULES, 'project');
