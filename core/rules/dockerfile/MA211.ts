// MA211: Environment variable named MA_* (reserved). Page: docs/rules/MA211.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in content.ts until it moves here.
import { ma211 } from './content';

export default defineRule({
  meta: {
    code: 'MA211',
    family: 'dockerfile',
    severity: 'warning',
    title: L('Environment variable named MA_* (reserved)', '环境变量以 MA_ 开头（平台保留）'),
  },
  messages: {},
  check: ma211,
});
