// MA301: health.url is served by no route in the code. Page: docs/rules/MA301.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in routes.ts until it moves here.
import { ma301 } from './routes';

export default defineRule({
  meta: {
    code: 'MA301',
    family: 'project',
    severity: 'warning',
    title: L('health.url is served by no route in the code', 'health.url 在代码中没有对应的路由'),
  },
  messages: {},
  check: ma301,
});
