// MA407: An api answer does not match its declared response. Page: docs/rules/MA407.md
// Reported by the conformance run (engine/infer.ts).
import { L, untranslated as en } from '../../i18n';
import { defineRule } from '../rule';

// Not translated yet (en): the Chinese message is the rule's title followed by this English detail, as so far.
const messages = {
  /** `got`: the answer's Content-Type, or '' when it sent none. */
  notJson: (declared: string, got: string) => en(`declared ${declared}, but the answer (${got || 'no Content-Type'}) is not JSON`),
  /** `errors`: the schema errors, "path message" joined by "; ". */
  schema: (errors: string) => en(`the answer does not match response.data: ${errors}`),
  contentType: (declared: string, got: string) => en(`declared ${declared}, the answer is ${got}`),
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
