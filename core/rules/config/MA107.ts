// MA107: A built-in engine declares more than one api or a url other than /. Page: docs/rules/MA107.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA107',
    family: 'config',
    severity: 'error',
    title: L('A built-in engine declares more than one api or a url other than /', '内置引擎声明了多个 api 或 url 不是 /'),
  },
  messages: {},
});
