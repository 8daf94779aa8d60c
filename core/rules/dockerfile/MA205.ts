// MA205: Batch: python, a JRE/JDK or zip is not installed. Page: docs/rules/MA205.md
import type { Localized } from '../../types';
import { L } from '../../i18n';
import { defineRule } from '../rule';
import { baseInfo, installLine, PACKAGES, type Component } from '../../analysis/base';
import { facts, find, fix, insertAfter } from '../../analysis/dockerfile/facts';
import { installed } from '../../analysis/dockerfile/batch';

const messages = {
  python: L('python', 'python'),
  java: L('a JRE/JDK', 'JRE/JDK'),
  zip: L('zip', 'zip'),
  missing: (what: Localized, base: string | undefined, line: string) => L(
    `Batch services need ${what.en} in the image; ${base} does not ship it and no RUN installs it. Add: ${line}`,
    `批量服务的镜像中需要 ${what.zh}；${base} 未自带，也没有 RUN 安装它。请添加：${line}`),
  installFix: (pkgs: string, pm: string) => L(`Install ${pkgs} (${pm})`, `安装 ${pkgs}（${pm}）`),
};

const COMPONENTS: Component[] = ['python', 'java', 'zip'];

export default defineRule({
  meta: {
    code: 'MA205',
    family: 'dockerfile',
    severity: 'error',
    title: L('Batch: python, a JRE/JDK or zip is not installed', '批量服务：未安装 python、JRE/JDK 或 zip'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f || f.service.kind !== 'batch') return [];
    // A private base image is not judged, nor a build whose installs cannot be read.
    const info = baseInfo(f.m.baseImage);
    const inst = info && installed(f.m);
    if (!info || !inst || inst.opaque) return [];
    const have = new Set<Component>([...info.has, ...inst]);
    const missing = COMPONENTS.filter((c) => !have.has(c));
    if (!missing.length) return [];
    const from = f.m.final!.from;
    const pkgs = missing.map((c) => PACKAGES[info.pm][c]);
    const line = installLine(info.pm, pkgs);
    const fx = fix(messages.installFix(pkgs.join(' '), info.pm), [insertAfter(ctx, from, line)], true);
    return missing.map((c) => find(ctx, 'MA205', from.getRange(), messages.missing(messages[c], f.m.baseImage, line), { fixes: [fx] }));
  },
});
