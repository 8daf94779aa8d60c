// MA119: A metric that is not a number in [0, 1]. Page: docs/rules/MA119.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';

const messages = {
  notMetric: (where: string, value: unknown) => L(`Metric ${where} is ${JSON.stringify(value)}: a metric is a number from 0 to 1.`,
    `指标 ${where} 为 ${JSON.stringify(value)}：指标应是 0 到 1 之间的数字。`),
};

/** Whatever failed (type, minimum, maximum), one message. */
function fromSchema(hit: SchemaHit): SchemaRead {
  const f = hit.generic();
  f.message = messages.notMetric(hit.where, hit.value);
  return { finding: f };
}

export default defineRule({
  meta: {
    code: 'MA119',
    family: 'config',
    severity: 'warning',
    title: L('A metric that is not a number in [0, 1]', '指标不是 [0, 1] 范围内的数字'),
    rank: 12,
  },
  messages,
  fromSchema,
  schemaTypes: true,
  trust: 'value',
} satisfies ConfigRuleIn);
