// MA112: Health timings not integers or out of range. Page: docs/rules/MA112.md
import type { Fix } from '../../types';
import { L } from '../../i18n';
import type { SchemaNode } from '../../schema/configSchema';
import { PROBE_DEFAULTS } from '../../deployment';
import { defineRule } from '../rule';
import { fix, replaceNode } from '../../analysis/config/edits';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';

const messages = {
  wholeNumber: (where: string, value: unknown, min: number) => L(
    `${where} is ${JSON.stringify(value)}: it must be a whole number ≥ ${min} (an integer, or a string of digits such as "${min + 5}").`,
    `${where} 为 ${JSON.stringify(value)}：应为不小于 ${min} 的整数（整数或数字字符串，如 "${min + 5}"）。`),
  minFix: (min: number) => L(`Set it to ${min}`, `改为 ${min}`),
  defaultFix: (n: number) => L(`Use the console's default, ${n}`, `改用控制台的默认值 ${n}`),
};

/** What ModelArts uses when the field is absent (and what the local run falls back to on a bad value). */
const DEFAULT_OF: Record<string, number> = {
  initial_delay_seconds: PROBE_DEFAULTS.initialDelayS, period_seconds: PROBE_DEFAULTS.periodS,
  timeout_seconds: PROBE_DEFAULTS.timeoutS, failure_threshold: PROBE_DEFAULTS.failureThreshold,
};

/**
 * A whole number below the minimum (a negative delay, a zero period): set it to the minimum, or to the console's
 * default; in the value's own form (a string stays a string). Nothing for a value that is no whole number.
 */
function fixes(hit: SchemaHit, min: number): Fix[] {
  const v = hit.value;
  const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
  if (typeof min !== 'number' || !Number.isInteger(n) || n >= min) return [];
  const as = (x: number) => (typeof v === 'string' ? String(x) : x);
  const out = [fix(messages.minFix(min), [replaceNode(hit.doc, hit.node, as(min))])];
  const dflt = DEFAULT_OF[String(hit.path[hit.path.length - 1])];
  if (dflt !== undefined && dflt !== min) out.push(fix(messages.defaultFix(dflt), [replaceNode(hit.doc, hit.node, as(dflt))], false));
  return out;
}

/** Whatever failed (type, pattern, minimum), one message: a whole number from the field's minimum on. */
function fromSchema(hit: SchemaHit): SchemaRead {
  const f = hit.generic();
  const min = (hit.error.parentSchema as SchemaNode).minimum as number;
  f.message = messages.wholeNumber(hit.where, hit.value, min);
  const fx = fixes(hit, min);
  if (fx.length) f.fixes = fx;
  return { finding: f };
}

export default defineRule({
  meta: {
    code: 'MA112',
    family: 'config',
    severity: 'error',
    title: L('Health timings not integers or out of range', '健康检查时间参数不是整数或超出范围'),
    rank: 9,
  },
  messages,
  fromSchema,
  schemaTypes: true,
  trust: 'value',
} satisfies ConfigRuleIn);
