// MA212: USER is root or absent. Page: docs/rules/MA212.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in content.ts until it moves here.
import { ma212 } from './content';

export default defineRule({
  meta: {
    code: 'MA212',
    family: 'dockerfile',
    severity: 'info',
    title: L('USER is root or absent', 'USER 为 root 或未设置'),
  },
  messages: {},
  check: ma212,
});
