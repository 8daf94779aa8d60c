import type { Rule } from '../context';

/** The config rules, in code order. */
export const configRules: Rule[] = [];
