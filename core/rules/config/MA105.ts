// MA105: model_algorithm breaks its format. Page: docs/rules/MA105.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA105',
    family: 'config',
    severity: 'error',
    title: L('model_algorithm breaks its format', 'model_algorithm 格式不符合要求'),
  },
  messages: {},
});
