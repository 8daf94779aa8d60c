// MA406: An api answers an error or is too slow. Page: docs/rules/MA406.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA406',
    family: 'image',
    severity: 'error',
    title: L('An api answers an error or is too slow', 'api 返回错误或响应超时'),
  },
  messages: {},
});
