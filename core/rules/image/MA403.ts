// MA403: The container exited before it served. Page: docs/rules/MA403.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA403',
    family: 'image',
    severity: 'error',
    title: L('The container exited before it served', '容器在提供服务前退出'),
  },
  messages: {},
});
