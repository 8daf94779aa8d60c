// MA401: The image is larger than the limit. Page: docs/rules/MA401.md
// Reported by the conformance run (engine/steps/size.ts) after the build.
import { L } from '../../i18n';
import { formatBytes as b } from '../../units';
import { defineRule } from '../rule';

const messages = {
  /** `table`: the biggest layers, one line each. */
  overLimit: (size: number, profile: string, limit: number, table: string[]) => L(
    `The image is ${b(size)}, over the ${profile} limit of ${b(limit)}. Biggest layers:\n${table.join('\n')}`,
    `镜像大小为 ${b(size)}，超过 ${b(limit)} 的限制`),
  overLimitCheck: (size: number, limit: number) => L(`${b(size)} > limit ${b(limit)}`, `${b(size)} > 限制 ${b(limit)}`),
};

export default defineRule({
  meta: {
    code: 'MA401',
    family: 'image',
    severity: 'error',
    title: L('The image is larger than the limit', '镜像超过大小限制'),
  },
  messages,
});
