// MA102: A field has the wrong type. Page: docs/rules/MA102.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA102',
    family: 'config',
    severity: 'error',
    title: L('A field has the wrong type', '字段类型错误'),
  },
  messages: {},
});
