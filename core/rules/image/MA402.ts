// MA402: The image is not linux/amd64. Page: docs/rules/MA402.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA402',
    family: 'image',
    severity: 'error',
    title: L('The image is not linux/amd64', '镜像不是 linux/amd64'),
  },
  messages: {},
});
