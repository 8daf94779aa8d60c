// MA104: Unknown field. Page: docs/rules/MA104.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA104',
    family: 'config',
    severity: 'warning',
    title: L('Unknown field', '未知字段'),
  },
  messages: {},
});
