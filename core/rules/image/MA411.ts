// MA411: A test request body is larger than 12 MB. Page: docs/rules/MA411.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA411',
    family: 'image',
    severity: 'error',
    title: L('A test request body is larger than 12 MB', '测试请求体超过 12 MB'),
  },
  messages: {},
});
