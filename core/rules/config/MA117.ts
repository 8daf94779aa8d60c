// MA117: swr_location is not a valid SWR image address. Page: docs/rules/MA117.md
// Hosts: swr.<region>.myhuaweicloud.com (.eu), OTC's swr.<region>.otc.t-systems.com, or an internal ip:port (hybrid
// clouds). Organization and repository follow the SWR naming rules (CreateRepoTag API); the tag follows Docker's
// tag grammar.
import type { Localized, RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { ConfigRuleIn } from '../../analysis/config/rule';
import { rangeOfNode, type Obj } from '../../analysis/config/paths';
import { fix, replaceNode } from '../../analysis/config/edits';

const messages = {
  scheme: (show: string, scheme: string) => L(
    `${show} starts with "${scheme}": an image address has no scheme. Write it without "${scheme}" `
      + '(swr.<region>.myhuaweicloud.com/<organization>/<repository>:<tag>).',
    `${show} 以 "${scheme}" 开头：镜像地址不带协议头。请去掉 "${scheme}"（写为 swr.<区域>.myhuaweicloud.com/<组织>/<镜像仓库>:<标签>）。`),
  shape: (show: string) => L(
    `${show} is not an SWR image address: write swr.<region>.myhuaweicloud.com/<organization>/<repository>:<tag>.`,
    `${show} 不是 SWR 镜像地址：应写为 swr.<区域>.myhuaweicloud.com/<组织>/<镜像仓库>:<标签>。`),
  host: (host: string, subject = 'swr_location') => L(
    `${subject} host "${host}" is not an SWR registry: use swr.<region>.myhuaweicloud.com (e.g. swr.cn-north-4.myhuaweicloud.com). `
      + 'ModelArts pulls only private SWR images of your account.',
    `${subject} 的主机 "${host}" 不是 SWR 镜像仓库：应为 swr.<区域>.myhuaweicloud.com（如 swr.cn-north-4.myhuaweicloud.com）。`
      + 'ModelArts 只能拉取本账号的私有 SWR 镜像。'),
  noTag: (show: string) => L(`${show} has no tag: add ":<tag>" (e.g. ":1.0.0").`, `${show} 缺少标签：请加上 ":<标签>"（如 ":1.0.0"）。`),
  organization: (org: string) => L(
    `SWR organization "${org}" breaks the naming rules: 1–64 characters, a lowercase letter first, then lowercase letters, digits, `
      + '".", "_" or "-" (no two separators side by side, at most two "_"), ending with a letter or digit.',
    `SWR 组织名 "${org}" 不符合命名规则：1–64 个字符，以小写字母开头，后接小写字母、数字、"."、"_" 或 "-"（分隔符不能相邻，"_" 最多连续两个），`
      + '以字母或数字结尾。'),
  repository: (repo: string) => L(
    `SWR repository "${repo}" breaks the naming rules: 1–128 characters, lowercase letters, digits, ".", "_", "-" or "/", starting `
      + 'with a letter or digit.',
    `SWR 镜像仓库名 "${repo}" 不符合命名规则：1–128 个字符，由小写字母、数字、"."、"_"、"-" 或 "/" 组成，以字母或数字开头。`),
  tag: (tag: string, subject = 'swr_location') => L(
    `${subject} tag "${tag}" is not a valid image tag: letters, digits, "_", "." and "-", at most 128 characters.`,
    `${subject} 的标签 "${tag}" 不合法：由字母、数字、"_"、"." 和 "-" 组成，最多 128 个字符。`),
  removeFix: (scheme: string) => L(`Remove "${scheme}"`, `删除 "${scheme}"`),
};

/** The `https://` (any `scheme://`) an SWR address was written with, or '' when there is none. */
const swrScheme = (v: string): string => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(v)?.[0] ?? '';

const HOST = /^swr\.[a-z0-9-]+\.(myhuaweicloud\.(com|eu|cn)|otc\.t-systems\.com)$/;
const IP_HOST = /^\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?$/;
const badOrg = (org: string): boolean =>
  !(org.length <= 64 && /^[a-z]([a-z0-9._-]*[a-z0-9])?$/.test(org)) || /___/.test(org) || /[._-]{2}/.test(org.replace(/__/g, '_'));

/** What is wrong with `<organization>/<repository>` and the tag or digest after the host, or undefined. */
function pathProblem(rest: string, shape: Localized, subject: string): Localized | undefined {
  const at = rest.indexOf('@');
  const colon = at >= 0 ? -1 : rest.lastIndexOf(':');
  const name = rest.slice(0, at >= 0 ? at : colon);
  const tag = rest.slice((at >= 0 ? at : colon) + 1);
  const s2 = name.indexOf('/');
  if (s2 < 0) return shape;
  const org = name.slice(0, s2);
  const repo = name.slice(s2 + 1);
  if (badOrg(org)) return messages.organization(org);
  if (!(repo.length <= 128 && /^[a-z0-9]([a-z0-9._/-]*[a-z0-9])?$/.test(repo))) return messages.repository(repo);
  const tagOk = at >= 0 ? /^sha256:[a-f0-9]{64}$/.test(tag) : /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag);
  return tagOk ? undefined : messages.tag(tag, subject);
}

/**
 * What is wrong with an SWR image address, or undefined. `subject` names where it was written (the push target's
 * `--to` or input box). An `ip[:port]` host passes: hybrid clouds' internal SWR, and a private or test registry.
 */
export function swrProblem(v: string, subject = 'swr_location'): Localized | undefined {
  const show = `${subject} ${JSON.stringify(v)}`;
  const scheme = swrScheme(v);
  if (scheme) return messages.scheme(show, scheme);
  const shape = messages.shape(show);
  const slash = v.indexOf('/');
  if (slash < 0) return shape;
  const host = v.slice(0, slash);
  if (!HOST.test(host) && !IP_HOST.test(host)) return messages.host(host, subject);
  const rest = v.slice(slash + 1);
  if (rest.indexOf('@') < 0 && rest.lastIndexOf(':') < 0) return messages.noTag(show);
  return pathProblem(rest, shape, subject);
}

function swrAddress(doc: ConfigDoc): RawFinding[] {
  const loc = (doc.value as Obj).swr_location;
  if (typeof loc !== 'string') return [];
  const p = swrProblem(loc);
  const n = doc.nodeAt(['swr_location']);
  if (!p || !n) return [];
  const scheme = swrScheme(loc);
  const f: RawFinding = { code: 'MA117', file: doc.file, range: rangeOfNode(doc, n), message: p };
  if (scheme) f.fixes = [fix(messages.removeFix(scheme), [replaceNode(doc, n, loc.slice(scheme.length))])];
  return [f];
}

export default defineRule({
  meta: {
    code: 'MA117',
    family: 'config',
    severity: 'error',
    title: L('swr_location is not a valid SWR image address', 'swr_location 不是合法的 SWR 镜像地址'),
    rank: 14,
  },
  messages,
  semantic: swrAddress,
  trust: 'value',
} satisfies ConfigRuleIn);
