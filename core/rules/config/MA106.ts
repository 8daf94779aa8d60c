// MA106: runtime set for an Image model or unknown for its engine. Page: docs/rules/MA106.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA106',
    family: 'config',
    severity: 'warning',
    title: L('runtime set for an Image model or unknown for its engine', 'Image 模型设置了 runtime，或 runtime 不是该引擎的已知取值'),
  },
  messages: {},
});
