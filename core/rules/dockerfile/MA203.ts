// MA203: The server listens on a port other than 8080. Page: docs/rules/MA203.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in network.ts until it moves here.
import { ma203 } from './network';

export default defineRule({
  meta: {
    code: 'MA203',
    family: 'dockerfile',
    severity: (p) => (p === 'current' ? 'warning' : 'error'),
    title: L('The server listens on a port other than 8080', '服务监听的端口不是 8080'),
  },
  messages: {},
  check: ma203,
});
