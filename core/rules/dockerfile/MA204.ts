// MA204: Batch: the command is not /bin/sh /home/run.sh. Page: docs/rules/MA204.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in batch.ts until it moves here.
import { ma204 } from './batch';

export default defineRule({
  meta: {
    code: 'MA204',
    family: 'dockerfile',
    severity: 'error',
    title: L('Batch: the command is not /bin/sh /home/run.sh', '批量服务：启动命令不是 /bin/sh /home/run.sh'),
  },
  messages: {},
  check: ma204,
});
