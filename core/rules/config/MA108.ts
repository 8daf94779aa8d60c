// MA108: Machine-learning engines accept only application/json. Page: docs/rules/MA108.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA108',
    family: 'config',
    severity: 'error',
    title: L('Machine-learning engines accept only application/json', '机器学习引擎只接受 application/json'),
  },
  messages: {},
});
