// MA209: The main process is sent to the background. Page: docs/rules/MA209.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in process.ts until it moves here.
import { ma209 } from './process';

export default defineRule({
  meta: {
    code: 'MA209',
    family: 'dockerfile',
    severity: 'error',
    title: L('The main process is sent to the background', '主进程被放到后台运行'),
  },
  messages: {},
  check: ma209,
});
