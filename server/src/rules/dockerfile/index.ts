import type { Rule } from '../context';

/** The dockerfile rules, in code order. */
export const dockerfileRules: Rule[] = [];
