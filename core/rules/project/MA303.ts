// MA303: HEALTHCHECK probes another path or port than config.json. Page: docs/rules/MA303.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in routes.ts until it moves here.
import { ma303 } from './routes';

export default defineRule({
  meta: {
    code: 'MA303',
    family: 'project',
    severity: 'info',
    title: L('HEALTHCHECK probes another path or port than config.json', 'HEALTHCHECK 探测的路径或端口与 config.json 不一致'),
  },
  messages: {},
  check: ma303,
});
