// MA200: The Dockerfile cannot be used. Page: docs/rules/MA200.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in unusable.ts until it moves here.
import { ma200 } from './unusable';

export default defineRule({
  meta: {
    code: 'MA200',
    family: 'dockerfile',
    severity: 'error',
    title: L('The Dockerfile cannot be used', 'Dockerfile 无法使用'),
  },
  messages: {},
  check: ma200,
});
