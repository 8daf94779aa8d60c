// MA202: The server binds to 127.0.0.1 / localhost. Page: docs/rules/MA202.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in network.ts until it moves here.
import { ma202 } from './network';

export default defineRule({
  meta: {
    code: 'MA202',
    family: 'dockerfile',
    severity: 'error',
    title: L('The server binds to 127.0.0.1 / localhost', '服务绑定在 127.0.0.1 / localhost 上'),
  },
  messages: {},
  check: ma202,
});
