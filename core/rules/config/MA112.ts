// MA112: Health timings not integers or out of range. Page: docs/rules/MA112.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA112',
    family: 'config',
    severity: 'error',
    title: L('Health timings not integers or out of range', '健康检查时间参数不是整数或超出范围'),
  },
  messages: {},
});
