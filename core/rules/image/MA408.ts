// MA408: The container wrote nothing to stdout/stderr. Page: docs/rules/MA408.md
// Reported by the conformance run (engine/steps/logs.ts), once the container served.
import { L } from '../../i18n';
import { defineRule } from '../rule';

const messages = {
  silent: L(
    'The container wrote nothing to stdout/stderr while starting and serving: ModelArts shows only those logs.',
    '启动和服务期间未输出任何日志（ModelArts 只展示标准输出/标准错误）'),
  silentCheck: L('no output on stdout/stderr', '标准输出/标准错误没有输出'),
};

export default defineRule({
  meta: {
    code: 'MA408',
    family: 'image',
    severity: 'warning',
    title: L('The container wrote nothing to stdout/stderr', '容器没有向标准输出/标准错误写入任何内容'),
  },
  messages,
});
