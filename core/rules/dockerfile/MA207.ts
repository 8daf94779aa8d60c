// MA207: No CMD or ENTRYPOINT. Page: docs/rules/MA207.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in process.ts until it moves here.
import { ma207 } from './process';

export default defineRule({
  meta: {
    code: 'MA207',
    family: 'dockerfile',
    severity: 'error',
    title: L('No CMD or ENTRYPOINT', '没有 CMD 或 ENTRYPOINT'),
  },
  messages: {},
  check: ma207,
});
