// MA113: An api url not starting with /, or duplicated url and method. Page: docs/rules/MA113.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA113',
    family: 'config',
    severity: 'error',
    title: L('An api url not starting with /, or duplicated url and method', 'api 的 url 不以 / 开头，或 url 与 method 重复'),
  },
  messages: {},
});
