// MA404: Nothing answers on port 8080. Page: docs/rules/MA404.md
// Reported by the conformance run (engine/steps/start.ts) and by Run Container in the editor.
import { L } from '../../i18n';
import { formatSeconds as s } from '../../units';
import { defineRule } from '../rule';

const messages = {
  /** `last`: what the last attempt got (refused, reset), or undefined. */
  noAnswer: (deadlineMs: number, last: string | undefined) => L(
    `Nothing answered on port 8080 within ${s(deadlineMs)} (${last ?? 'no connection'}). The server must listen on 0.0.0.0:8080.`,
    `${s(deadlineMs)} 内 8080 端口无响应，服务须监听 0.0.0.0:8080`),
  noAnswerCheck: (deadlineMs: number) => L(`nothing answered on 8080 within ${s(deadlineMs)}`, `${s(deadlineMs)} 内 8080 端口无响应`),
  /** Run Container's notification; `secs` already formatted ("12.0"). */
  noAnswerNotice: (secs: string) => L(
    `MA404: nothing answers on port 8080 after ${secs} s. Does the server listen on 0.0.0.0:8080?`,
    `MA404：${secs} 秒后 8080 端口仍无响应。服务是否监听 0.0.0.0:8080？`),
};

export default defineRule({
  meta: {
    code: 'MA404',
    family: 'image',
    severity: 'error',
    title: L('Nothing answers on port 8080', '8080 端口无响应'),
  },
  messages,
});
