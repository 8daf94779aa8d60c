// MA115: Misspelled content type. Page: docs/rules/MA115.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA115',
    family: 'config',
    severity: 'warning',
    title: L('Misspelled content type', '内容类型拼写错误'),
  },
  messages: {},
});
