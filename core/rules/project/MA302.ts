// MA302: An apis url is served by no route in the code. Page: docs/rules/MA302.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in routes.ts until it moves here.
import { ma302 } from './routes';

export default defineRule({
  meta: {
    code: 'MA302',
    family: 'project',
    severity: 'warning',
    title: L('An apis url is served by no route in the code', 'apis 的 url 在代码中没有对应的路由'),
  },
  messages: {},
  check: ma302,
});
