// MA213: A RUN, CMD/ENTRYPOINT or entry script that does not parse as shell. Page: docs/rules/MA213.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in shellSyntax.ts until it moves here.
import { ma213 } from './shellSyntax';

export default defineRule({
  meta: {
    code: 'MA213',
    family: 'dockerfile',
    severity: 'error',
    title: L('A RUN, CMD/ENTRYPOINT or entry script that does not parse as shell', 'RUN、CMD/ENTRYPOINT 或入口脚本不是合法的 shell'),
  },
  messages: {},
  check: ma213,
});
