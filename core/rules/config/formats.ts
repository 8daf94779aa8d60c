// Value formats the schema cannot explain well: model_algorithm, swr_location, runtime names.
import type { Localized } from '../../types';
import { L } from '../../i18n';

const BANNED = /[&!'"<>=]/;
const CHINESE = /[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uff00-\uffef]/;

/** What is wrong with a model_algorithm, or undefined when it is fine (spec: letter first, ≤ 36, no Chinese, no &!'"<>=). */
export function modelAlgorithmProblem(v: string): Localized | undefined {
  const show = JSON.stringify(v);
  if (!/^[A-Za-z]/.test(v)) return L(`model_algorithm ${show} must start with an English letter.`, `model_algorithm ${show} 必须以英文字母开头。`);
  if (v.length > 36) return L(`model_algorithm is ${v.length} characters long: at most 36 are allowed. Shorten it.`, `model_algorithm 长度为 ${v.length} 个字符，最多允许 36 个。请缩短。`);
  if (CHINESE.test(v)) return L(`model_algorithm ${show} contains Chinese characters: use English letters, digits and _ only.`, `model_algorithm ${show} 含有中文字符：请只使用英文字母、数字和 _。`);
  const bad = BANNED.exec(v);
  if (bad) return L(`model_algorithm ${show} contains "${bad[0]}": none of & ! ' " < > = is allowed.`, `model_algorithm ${show} 含有 "${bad[0]}"：不允许出现 & ! ' " < > = 字符。`);
  return undefined;
}

/**
 * What is wrong with an SWR image address, or undefined. Hosts: swr.<region>.myhuaweicloud.com (.eu), OTC's
 * swr.<region>.otc.t-systems.com, or an internal ip:port (hybrid clouds). Organization and repository follow the
 * SWR naming rules (CreateRepoTag API); the tag follows Docker's tag grammar.
 */
export function swrProblem(v: string): Localized | undefined {
  const show = JSON.stringify(v);
  const scheme = swrScheme(v);
  if (scheme) {
    return L(`swr_location ${show} starts with "${scheme}": an image address has no scheme. Write it without "${scheme}" (swr.<region>.myhuaweicloud.com/<organization>/<repository>:<tag>).`,
      `swr_location ${show} 以 "${scheme}" 开头：镜像地址不带协议头。请去掉 "${scheme}"（写为 swr.<区域>.myhuaweicloud.com/<组织>/<镜像仓库>:<标签>）。`);
  }
  const shape = L(`swr_location ${show} is not an SWR image address: write swr.<region>.myhuaweicloud.com/<organization>/<repository>:<tag>.`,
    `swr_location ${show} 不是 SWR 镜像地址：应写为 swr.<区域>.myhuaweicloud.com/<组织>/<镜像仓库>:<标签>。`);
  const slash = v.indexOf('/');
  if (slash < 0) return shape;
  const host = v.slice(0, slash);
  if (!/^swr\.[a-z0-9-]+\.(myhuaweicloud\.(com|eu|cn)|otc\.t-systems\.com)$/.test(host) && !/^\d{1,3}(\.\d{1,3}){3}(:\d{1,5})?$/.test(host)) {
    return L(`swr_location host "${host}" is not an SWR registry: use swr.<region>.myhuaweicloud.com (e.g. swr.cn-north-4.myhuaweicloud.com). ModelArts pulls only private SWR images of your account.`,
      `swr_location 的主机 "${host}" 不是 SWR 镜像仓库：应为 swr.<区域>.myhuaweicloud.com（如 swr.cn-north-4.myhuaweicloud.com）。ModelArts 只能拉取本账号的私有 SWR 镜像。`);
  }
  const rest = v.slice(slash + 1);
  const at = rest.indexOf('@');
  const colon = at >= 0 ? -1 : rest.lastIndexOf(':');
  if (colon < 0 && at < 0) return L(`swr_location ${show} has no tag: add ":<tag>" (e.g. ":1.0.0").`, `swr_location ${show} 缺少标签：请加上 ":<标签>"（如 ":1.0.0"）。`);
  const name = rest.slice(0, at >= 0 ? at : colon);
  const tag = rest.slice((at >= 0 ? at : colon) + 1);
  const s2 = name.indexOf('/');
  if (s2 < 0) return shape;
  const org = name.slice(0, s2);
  const repo = name.slice(s2 + 1);
  if (!(org.length <= 64 && /^[a-z]([a-z0-9._-]*[a-z0-9])?$/.test(org)) || /___/.test(org) || /[._-]{2}/.test(org.replace(/__/g, '_'))) {
    return L(`SWR organization "${org}" breaks the naming rules: 1–64 characters, a lowercase letter first, then lowercase letters, digits, ".", "_" or "-" (no two separators side by side, at most two "_"), ending with a letter or digit.`,
      `SWR 组织名 "${org}" 不符合命名规则：1–64 个字符，以小写字母开头，后接小写字母、数字、"."、"_" 或 "-"（分隔符不能相邻，"_" 最多连续两个），以字母或数字结尾。`);
  }
  if (!(repo.length <= 128 && /^[a-z0-9]([a-z0-9._/-]*[a-z0-9])?$/.test(repo))) {
    return L(`SWR repository "${repo}" breaks the naming rules: 1–128 characters, lowercase letters, digits, ".", "_", "-" or "/", starting with a letter or digit.`,
      `SWR 镜像仓库名 "${repo}" 不符合命名规则：1–128 个字符，由小写字母、数字、"."、"_"、"-" 或 "/" 组成，以字母或数字开头。`);
  }
  const tagOk = at >= 0 ? /^sha256:[a-f0-9]{64}$/.test(tag) : /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag);
  if (!tagOk) return L(`swr_location tag "${tag}" is not a valid image tag: letters, digits, "_", "." and "-", at most 128 characters.`, `swr_location 的标签 "${tag}" 不合法：由字母、数字、"_"、"." 和 "-" 组成，最多 128 个字符。`);
  return undefined;
}

/** The `https://` (any `scheme://`) an SWR address was written with, or '' when there is none. */
export const swrScheme = (v: string): string => /^[A-Za-z][A-Za-z0-9+.-]*:\/\//.exec(v)?.[0] ?? '';

/** Runtimes named in the docs, per engine (2021 zh table, 2022 OTC table, 2025 runtime API example). */
export const KNOWN_RUNTIMES: Record<string, readonly string[]> = {
  TensorFlow: ['python3.6', 'python2.7', 'tf1.13-python2.7-gpu', 'tf1.13-python2.7-cpu', 'tf1.13-python3.6-gpu', 'tf1.13-python3.6-cpu', 'tf1.13-python3.7-cpu', 'tf1.13-python3.7-gpu', 'tf2.1-python3.7', 'tf1.15-aarch64-c76-d910', 'tf1.13-python3.7-aiflow-gpu', 'tf1.13-python3.7-gpu-async'],
  MXNet: ['python3.7', 'python3.6', 'python2.7'],
  Caffe: ['python2.7', 'python3.6', 'python3.7', 'python2.7-gpu', 'python3.6-gpu', 'python3.7-gpu', 'python2.7-cpu', 'python3.6-cpu', 'python3.7-cpu'],
  Spark_MLlib: ['python2.7', 'python3.6'],
  Scikit_Learn: ['python2.7', 'python3.6'],
  XGBoost: ['python2.7', 'python3.6'],
  PyTorch: ['python2.7', 'python3.6', 'python3.7', 'pytorch1.4-python3.7'],
  MindSpore: ['ms1.1-python3.7-c76'],
};

/** "Unified" runtimes follow <engine>_<version>-<hardware>-py_<x>-<os>-<arch>; the list changes by region. */
const UNIFIED: Record<string, RegExp> = {
  TensorFlow: /^tensorflow_\d[\w.]*(-[\w.]+)+$/,
  PyTorch: /^pytorch_\d[\w.]*(-[\w.]+)+$/,
  MindSpore: /^mindspore_\d[\w.]*(-[\w.]+)+$/,
};

export function isKnownRuntime(engine: string, runtime: string): boolean {
  return (KNOWN_RUNTIMES[engine]?.includes(runtime) ?? true) || (UNIFIED[engine]?.test(runtime) ?? false);
}
