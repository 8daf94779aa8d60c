// MA410: The container does not stop in time after SIGTERM. Page: docs/rules/MA410.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA410',
    family: 'image',
    severity: 'warning',
    title: L('The container does not stop in time after SIGTERM', '容器收到 SIGTERM 后未及时退出'),
  },
  messages: {},
});
