// MA105: model_algorithm breaks its format. Page: docs/rules/MA105.md
// The schema's pattern and length find it; the message says which part of the format (spec: letter first, ≤ 36,
// no Chinese, none of &!'"<>=).
import type { Localized } from '../../types';
import { L } from '../../i18n';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';

const messages = {
  letterFirst: (show: string) => L(`model_algorithm ${show} must start with an English letter.`, `model_algorithm ${show} 必须以英文字母开头。`),
  tooLong: (n: number) => L(`model_algorithm is ${n} characters long: at most 36 are allowed. Shorten it.`,
    `model_algorithm 长度为 ${n} 个字符，最多允许 36 个。请缩短。`),
  chinese: (show: string) => L(`model_algorithm ${show} contains Chinese characters: use English letters, digits and _ only.`,
    `model_algorithm ${show} 含有中文字符：请只使用英文字母、数字和 _。`),
  banned: (show: string, ch: string) => L(`model_algorithm ${show} contains "${ch}": none of & ! ' " < > = is allowed.`,
    `model_algorithm ${show} 含有 "${ch}"：不允许出现 & ! ' " < > = 字符。`),
};

const BANNED = /[&!'"<>=]/;
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** What is wrong with a model_algorithm, or undefined when it is fine. */
function modelAlgorithmProblem(v: string): Localized | undefined {
  const show = JSON.stringify(v);
  if (!/^[A-Za-z]/.test(v)) return messages.letterFirst(show);
  if (v.length > 36) return messages.tooLong(v.length);
  if (CHINESE.test(v)) return messages.chinese(show);
  const bad = BANNED.exec(v);
  if (bad) return messages.banned(show, bad[0]);
  return undefined;
}

/** Says which part of the format is broken (the first that is); a value it finds fine is not reported. */
function fromSchema(hit: SchemaHit): SchemaRead | undefined {
  const f = hit.generic();
  if (hit.text === undefined) return { finding: f };
  const p = modelAlgorithmProblem(hit.text);
  if (!p) return undefined;
  f.message = p;
  return { finding: f };
}

export default defineRule({
  meta: {
    code: 'MA105',
    family: 'config',
    severity: 'error',
    title: L('model_algorithm breaks its format', 'model_algorithm 格式不符合要求'),
    rank: 7,
  },
  messages,
  fromSchema,
  trust: 'value',
} satisfies ConfigRuleIn);
