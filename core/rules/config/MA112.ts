// MA112: Health timings not integers or out of range. Page: docs/rules/MA112.md
import { L } from '../../i18n';
import type { SchemaNode } from '../../schema/configSchema';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';

const messages = {
  wholeNumber: (where: string, value: unknown, min: number) => L(
    `${where} is ${JSON.stringify(value)}: it must be a whole number ≥ ${min} (an integer, or a string of digits such as "${min + 5}").`,
    `${where} 为 ${JSON.stringify(value)}：应为不小于 ${min} 的整数（整数或数字字符串，如 "${min + 5}"）。`),
};

/** Whatever failed (type, pattern, minimum), one message: a whole number from the field's minimum on. */
function fromSchema(hit: SchemaHit): SchemaRead {
  const f = hit.generic();
  f.message = messages.wholeNumber(hit.where, hit.value, (hit.error.parentSchema as SchemaNode).minimum as number);
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
