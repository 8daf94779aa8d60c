// MA411: A test request body is larger than 12 MB. Page: docs/rules/MA411.md
// Reported by the conformance run (engine/infer.ts); the request is not sent.
import { L } from '../../i18n';
import { formatBytes } from '../../units';
import { defineRule } from '../rule';

// Request bodies are told in MB at most ("1024.0 MB"), as the gateway's limit is.
const mb = (n: number) => formatBytes(n, 'MB');

const messages = {
  tooLarge: (bytes: number, limit: number) => L(
    `request body ${mb(bytes)} > ${mb(limit)} (the API gateway rejects it with APIG.0201); not sent`,
    `请求体 ${mb(bytes)} 超过 ${mb(limit)}（API 网关以 APIG.0201 拒绝）；未发送`),
  /** An info note: over the console's limit (8 MB), within the gateway's (12 MB); the request is sent. */
  overConsole: (bytes: number, consoleLimit: number, limit: number) => L(
    `request body ${mb(bytes)} > ${mb(consoleLimit)}: the console's own test page refuses it; the API gateway accepts up to ${mb(limit)} (sent)`,
    `请求体 ${mb(bytes)} 超过 ${mb(consoleLimit)}：控制台自带的预测页面会拒绝它；API 网关最多接受 ${mb(limit)}（已发送）`),
};

export default defineRule({
  meta: {
    code: 'MA411',
    family: 'image',
    severity: 'error',
    title: L('A test request body is larger than 12 MB', '测试请求体超过 12 MB'),
  },
  messages,
});
