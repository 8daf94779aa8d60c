// MA411: A test request body is larger than 12 MB. Page: docs/rules/MA411.md
// Reported by the conformance run (engine/infer.ts); the request is not sent.
import { L, untranslated } from '../../i18n';
import { formatBytes } from '../../units';
import { defineRule } from '../rule';

// Request bodies are told in MB at most ("1024.0 MB"), as the gateway's limit is.
const mb = (n: number) => formatBytes(n, 'MB');

const messages = {
  // Not translated yet: the Chinese message is the rule's title followed by this English detail (as so far).
  tooLarge: (bytes: number, limit: number) =>
    untranslated(`request body ${mb(bytes)} > ${mb(limit)} (the API gateway rejects it with APIG.0201); not sent`),
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
