// MA116: An Image model without health. Page: docs/rules/MA116.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA116',
    family: 'config',
    severity: (p) => (p === 'current' ? 'warning' : 'info'),
    title: L('An Image model without health', 'Image 模型未配置 health'),
  },
  messages: {},
});
