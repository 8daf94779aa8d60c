// MA103: A value outside its allowed set. Page: docs/rules/MA103.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { nearest } from '../../analysis/config/near';
import { fix, replaceNode } from '../../analysis/config/edits';

const messages = {
  notAllowed: (where: string, value: unknown, allowed: unknown[], guess: string | undefined) => L(
    `${where} is ${JSON.stringify(value)}; allowed: ${allowed.join(', ')}.${guess ? ` Did you mean "${guess}"?` : ''}`,
    `${where} 为 ${JSON.stringify(value)}；允许的取值：${allowed.join('、')}。${guess ? `是否应为 "${guess}"？` : ''}`),
  changeFix: (guess: string) => L(`Change to "${guess}"`, `改为 "${guess}"`),
};

/** An enum or const miss names the allowed values, and the nearest one as a fix; other keywords keep the schema's words. */
function fromSchema(hit: SchemaHit): SchemaRead {
  const f = hit.generic();
  const { keyword, params } = hit.error;
  if (keyword !== 'enum' && keyword !== 'const') return { finding: f };
  const p = params as { allowedValues?: unknown[]; allowedValue?: unknown };
  const allowed = (p.allowedValues ?? [p.allowedValue]).filter((v) => v !== '');
  const guess = hit.text !== undefined ? nearest(hit.text, allowed.map(String)) : undefined;
  f.message = messages.notAllowed(hit.where, hit.value, allowed, guess);
  if (guess) f.fixes = [fix(messages.changeFix(guess), [replaceNode(hit.doc, hit.node, guess)])];
  return { finding: f };
}

export default defineRule({
  meta: {
    code: 'MA103',
    family: 'config',
    severity: 'error',
    title: L('A value outside its allowed set', '取值不在允许范围内'),
    rank: 13,
  },
  messages,
  fromSchema,
} satisfies ConfigRuleIn);
