// MA111: health.url missing or not starting with /, or health.protocol not http. Page: docs/rules/MA111.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA111',
    family: 'config',
    severity: 'error',
    title: L('health.url missing or not starting with /, or health.protocol not http', 'health.url 缺失或不以 / 开头，或 health.protocol 不是 http'),
  },
  messages: {},
});
