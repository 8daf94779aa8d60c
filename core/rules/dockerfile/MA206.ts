// MA206: Logs do not go to stdout. Page: docs/rules/MA206.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in process.ts until it moves here.
import { ma206 } from './process';

export default defineRule({
  meta: {
    code: 'MA206',
    family: 'dockerfile',
    severity: 'warning',
    title: L('Logs do not go to stdout', '日志没有输出到标准输出'),
  },
  messages: {},
  check: ma206,
});
