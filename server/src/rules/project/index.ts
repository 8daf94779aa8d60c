import type { Rule } from '../context';

/** The project rules, in code order. */
export const projectRules: Rule[] = [];
