// MA210: COPY/ADD of a path missing from the build context. Page: docs/rules/MA210.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in content.ts until it moves here.
import { ma210 } from './content';

export default defineRule({
  meta: {
    code: 'MA210',
    family: 'dockerfile',
    severity: 'error',
    title: L('COPY/ADD of a path missing from the build context', 'COPY/ADD 的路径不在构建上下文中'),
  },
  messages: {},
  check: ma210,
});
