// MA101: A required field is missing. Page: docs/rules/MA101.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA101',
    family: 'config',
    severity: 'error',
    title: L('A required field is missing', '缺少必填字段'),
  },
  messages: {},
});
