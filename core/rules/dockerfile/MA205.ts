// MA205: Batch: python, a JRE/JDK or zip is not installed. Page: docs/rules/MA205.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in batch.ts until it moves here.
import { ma205 } from './batch';

export default defineRule({
  meta: {
    code: 'MA205',
    family: 'dockerfile',
    severity: 'error',
    title: L('Batch: python, a JRE/JDK or zip is not installed', '批量服务：未安装 python、JRE/JDK 或 zip'),
  },
  messages: {},
  check: ma205,
});
