// MA405: /health does not answer as required. Page: docs/rules/MA405.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA405',
    family: 'image',
    severity: 'error',
    title: L('/health does not answer as required', '/health 未按要求响应'),
  },
  messages: {},
});
