// MA211: Environment variable named MA_* (reserved). Page: docs/rules/MA211.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
import { kwOf, propsOf } from '../../analysis/image';
import { facts, find } from '../../analysis/dockerfile/facts';

const messages = {
  reserved: (name: string) => L(
    `${name}: variables named MA_* are reserved by ModelArts and may be overwritten at run time. Rename it.`,
    `${name}：以 MA_ 开头的变量由 ModelArts 保留，运行时可能被覆盖。请改名。`),
};

export default defineRule({
  meta: {
    code: 'MA211',
    family: 'dockerfile',
    severity: 'warning',
    title: L('Environment variable named MA_* (reserved)', '环境变量以 MA_ 开头（平台保留）'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f) return [];
    return f.m.instrs.filter((ins) => kwOf(ins) === 'ENV').flatMap((ins) => propsOf(ins))
      .filter((p) => /^MA_/.test(p.getName()))
      .map((p) => find(ctx, 'MA211', p.getNameRange(), messages.reserved(p.getName())));
  },
});
