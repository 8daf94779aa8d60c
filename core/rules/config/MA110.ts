// MA110: dependencies are not supported on an Image model. Page: docs/rules/MA110.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA110',
    family: 'config',
    severity: 'error',
    title: L('dependencies are not supported on an Image model', 'Image 模型不支持 dependencies'),
  },
  messages: {},
});
