// MA401: The image is larger than the limit. Page: docs/rules/MA401.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA401',
    family: 'image',
    severity: 'error',
    title: L('The image is larger than the limit', '镜像超过大小限制'),
  },
  messages: {},
});
