// MA404: Nothing answers on port 8080. Page: docs/rules/MA404.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA404',
    family: 'image',
    severity: 'error',
    title: L('Nothing answers on port 8080', '8080 端口无响应'),
  },
  messages: {},
});
