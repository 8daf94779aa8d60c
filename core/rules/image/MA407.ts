// MA407: An api answer does not match its declared response. Page: docs/rules/MA407.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA407',
    family: 'image',
    severity: 'error',
    title: L('An api answer does not match its declared response', 'api 的响应与声明的 response 不符'),
  },
  messages: {},
});
