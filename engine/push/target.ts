// Where a push goes: `--to`, else config.json `swr_location`. The address is checked with MA117's SWR naming rules
// (core), which also accept an `ip[:port]` host: hybrid clouds' internal SWR, a private registry, the test registry.
import { L } from '../../core/i18n';
import type { Localized } from '../../core/types';
import { swrProblem } from '../../core/rules/config/MA117';

export interface Target {
  /** Registry host[:port], e.g. swr.cn-north-4.myhuaweicloud.com or 127.0.0.1:5000. */
  registry: string;
  /** `<organization>/<repository>` inside the registry. */
  repository: string;
  tag: string;
  /** The whole reference, `registry/repository:tag`. */
  ref: string;
}

const messages = {
  digest: (v: string) => L(`${v} names a digest: a push needs a tag (…/<organization>/<repository>:<tag>).`,
    `${v} 指定的是摘要：推送需要标签（…/<组织>/<镜像仓库>:<标签>）。`),
};

/** The target of a reference, or what is wrong with it (`subject` says where it was written). */
export function parseTarget(value: string, subject: string): { target: Target } | { problem: Localized } {
  const v = value.trim();
  const problem = swrProblem(v, subject);
  if (problem) return { problem };
  if (v.includes('@')) return { problem: messages.digest(`${subject} ${JSON.stringify(v)}`) };
  const slash = v.indexOf('/');
  const colon = v.lastIndexOf(':');
  return { target: { registry: v.slice(0, slash), repository: v.slice(slash + 1, colon), tag: v.slice(colon + 1), ref: v } };
}
