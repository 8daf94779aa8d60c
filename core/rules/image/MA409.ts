// MA409: Batch: run.sh, python, java or zip missing in the image. Page: docs/rules/MA409.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA409',
    family: 'image',
    severity: 'error',
    title: L('Batch: run.sh, python, java or zip missing in the image', '批量服务：镜像中缺少 run.sh、python、java 或 zip'),
  },
  messages: {},
});
