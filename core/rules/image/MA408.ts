// MA408: The container wrote nothing to stdout/stderr. Page: docs/rules/MA408.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA408',
    family: 'image',
    severity: 'warning',
    title: L('The container wrote nothing to stdout/stderr', '容器没有向标准输出/标准错误写入任何内容'),
  },
  messages: {},
});
