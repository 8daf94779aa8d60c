// MA117: swr_location is not a valid SWR image address. Page: docs/rules/MA117.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA117',
    family: 'config',
    severity: 'error',
    title: L('swr_location is not a valid SWR image address', 'swr_location 不是合法的 SWR 镜像地址'),
  },
  messages: {},
});
