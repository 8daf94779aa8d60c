// MA103: A value outside its allowed set. Page: docs/rules/MA103.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA103',
    family: 'config',
    severity: 'error',
    title: L('A value outside its allowed set', '取值不在允许范围内'),
  },
  messages: {},
});
