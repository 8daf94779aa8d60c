// MA115: Misspelled content type. Page: docs/rules/MA115.md
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { CONTENT_TYPES } from '../../schema/configSchema';
import { defineRule } from '../rule';
import type { ConfigRuleIn } from '../../analysis/config/rule';
import { apiMessages, rangeOfNode, type Obj } from '../../analysis/config/paths';
import { nearest } from '../../analysis/config/near';
import { fix, replaceNode } from '../../analysis/config/edits';

const messages = {
  misspelt: (ct: string, guess: string) => L(`Misspelled content type "${ct}": did you mean "${guess}"?`, `内容类型 "${ct}" 拼写错误：是否应为 "${guess}"？`),
  changeFix: (guess: string) => L(`Change to "${guess}"`, `改为 "${guess}"`),
};

function nearMiss(doc: ConfigDoc, msg: Obj, i: number, part: string, claimed: Set<string>): RawFinding | undefined {
  const ct = msg['Content-type'];
  if (typeof ct !== 'string' || CONTENT_TYPES.includes(ct)) return undefined;
  const guess = nearest(ct, CONTENT_TYPES, 3);
  const n = doc.nodeAt(['apis', i, part, 'Content-type']);
  if (!guess || !n) return undefined;
  claimed.add(`/apis/${i}/${part}/Content-type`);
  const fixes = [fix(messages.changeFix(guess), [replaceNode(doc, n, guess)])];
  return { code: 'MA115', file: doc.file, range: rangeOfNode(doc, n), message: messages.misspelt(ct, guess), fixes };
}

/** A near miss of an allowed content type, in every request and response (the schema would only say "not allowed"). */
function contentTypes(doc: ConfigDoc, claimed: Set<string>): RawFinding[] {
  return apiMessages(doc.value).flatMap(({ msg, i, part }) => nearMiss(doc, msg, i, part, claimed) ?? []);
}

export default defineRule({
  meta: {
    code: 'MA115',
    family: 'config',
    severity: 'warning',
    title: L('Misspelled content type', '内容类型拼写错误'),
    rank: 2,
  },
  messages,
  semantic: contentTypes,
  trust: 'value',
} satisfies ConfigRuleIn);
