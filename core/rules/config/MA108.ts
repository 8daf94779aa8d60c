// MA108: Machine-learning engines accept only application/json. Page: docs/rules/MA108.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { fix, replaceNode } from '../../analysis/config/edits';

const messages = {
  jsonOnly: (where: string, value: unknown) => L(
    `XGBoost, Scikit_Learn and Spark_MLlib accept only application/json: ${where} is ${JSON.stringify(value)}.`,
    `XGBoost、Scikit_Learn 与 Spark_MLlib 只接受 application/json：${where} 为 ${JSON.stringify(value)}。`),
  jsonFix: L('Change to "application/json"', '改为 "application/json"'),
};

function fromSchema(hit: SchemaHit): SchemaRead {
  const f = hit.generic();
  f.message = messages.jsonOnly(hit.where, hit.value);
  f.fixes = [fix(messages.jsonFix, [replaceNode(hit.doc, hit.node, 'application/json')])];
  return { finding: f };
}

export default defineRule({
  meta: {
    code: 'MA108',
    family: 'config',
    severity: 'error',
    title: L('Machine-learning engines accept only application/json', '机器学习引擎只接受 application/json'),
    rank: 4,
  },
  messages,
  fromSchema,
} satisfies ConfigRuleIn);
