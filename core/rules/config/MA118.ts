// MA118: An Image model without apis. Page: docs/rules/MA118.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA118',
    family: 'config',
    severity: 'warning',
    title: L('An Image model without apis', 'Image 模型未配置 apis'),
  },
  messages: {},
});
