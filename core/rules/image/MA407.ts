// MA407: An api answer does not match its declared response. Page: docs/rules/MA407.md
// Reported by the conformance run (engine/infer.ts).
import { L } from '../../i18n';
import { defineRule } from '../rule';

const messages = {
  /** `got`: the answer's Content-Type, or '' when it sent none. */
  notJson: (declared: string, got: string) => L(
    `declared ${declared}, but the answer (${got || 'no Content-Type'}) is not JSON`,
    `声明为 ${declared}，但响应（${got || '没有 Content-Type'}）不是 JSON`),
  /** `errors`: the schema errors, "path message" joined by "; ". */
  schema: (errors: string) => L(`the answer does not match response.data: ${errors}`, `响应不符合 response.data：${errors}`),
  contentType: (declared: string, got: string) => L(`declared ${declared}, the answer is ${got}`, `声明为 ${declared}，响应为 ${got}`),
};

export default defineRule({
  meta: {
    code: 'MA407',
    family: 'image',
    severity: 'error',
    title: L('An api answer does not match its declared response', 'api 的响应与声明的 response 不符'),
  },
  messages,
});
