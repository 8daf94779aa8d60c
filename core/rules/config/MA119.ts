// MA119: A metric that is not a number in [0, 1]. Page: docs/rules/MA119.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA119',
    family: 'config',
    severity: 'warning',
    title: L('A metric that is not a number in [0, 1]', '指标不是 [0, 1] 范围内的数字'),
  },
  messages: {},
});
