// MA401: The image is larger than the limit. Page: docs/rules/MA401.md
// Reported by the conformance run (engine/steps/size.ts) after the build.
import { L } from '../../i18n';
import type { Localized } from '../../types';
import { formatBytes as b } from '../../units';
import { defineRule } from '../rule';

/** "50 GB" for a whole number of GB (the platform's limits), else "0.25 GB"-like figures of formatBytes. */
const limitText = (n: number) => (n >= 1024 ** 3 && n % 1024 ** 3 === 0 ? `${n / 1024 ** 3} GB` : b(n));

const messages = {
  // Which limit applies and why: the profile and cloud (core/deployment.ts sizeLimitOf) or --size-limit.
  limitByFlag: L('set with --size-limit', '由 --size-limit 设置'),
  limitSeed: L('ModelArts (seed-2021)', 'ModelArts（seed-2021）'),
  limitCurrent: L('ModelArts (current)', 'ModelArts（current）'),
  limitOtc: L('Open Telekom Cloud', 'Open Telekom Cloud'),
  /** "50 GB: ModelArts (current)". */
  limit: (limit: number, why: Localized) => L(`${limitText(limit)}: ${why.en}`, `${limitText(limit)}：${why.zh}`),
  within: (size: number, limit: number, why: Localized) => L(
    `${b(size)} (limit ${messages.limit(limit, why).en})`, `${b(size)}（限制 ${messages.limit(limit, why).zh}）`),
  /** `table`: the biggest layers, one line each. */
  overLimit: (size: number, limit: number, why: Localized, table: Localized[]) => L(
    `The image is ${b(size)}, over the limit of ${messages.limit(limit, why).en}. Biggest layers:\n${table.map((l) => l.en).join('\n')}`,
    `镜像大小为 ${b(size)}，超过限制 ${messages.limit(limit, why).zh}。最大的几层：\n${table.map((l) => l.zh).join('\n')}`),
  overLimitCheck: (size: number, limit: number, why: Localized) =>
    L(`${b(size)} > limit ${messages.limit(limit, why).en}`, `${b(size)} > 限制 ${messages.limit(limit, why).zh}`),
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
