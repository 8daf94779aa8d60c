// MA100: config.json is not valid JSON. Page: docs/rules/MA100.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA100',
    family: 'config',
    severity: 'error',
    title: L('config.json is not valid JSON', 'config.json 不是合法的 JSON'),
  },
  messages: {},
});
