// MA212: USER is root or absent. Page: docs/rules/MA212.md
import type { Instruction } from 'dockerfile-ast';
import type { Localized } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import { expandVars } from '../../analysis/shell';
import { kwOf, contentOf } from '../../analysis/image';
import { facts, find } from '../../analysis/dockerfile/facts';

const messages = {
  /** What the container runs as, then why it matters. */
  finding: (base: Localized, why: Localized) => L(base.en + why.en, base.zh + why.zh),
  runsAs: (name: string | undefined) => L(`The container runs as ${name}.`, `容器以 ${name} 身份运行。`),
  noUser: L('No USER: the container runs as root.', '没有 USER 指令：容器以 root 身份运行。'),
  custom: L(
    ' A Custom-engine model must run as uid 1000 / gid 100 (USER 1000:100, user ma-user).',
    ' Custom 引擎模型必须以 uid 1000 / gid 100 运行（USER 1000:100，用户 ma-user）。'),
  consider: L(
    ' Consider USER 1000:100 (ma-user, the account ModelArts uses in its own images), so the image also works when it is not run as root.',
    ' 建议使用 USER 1000:100（ma-user，ModelArts 自有镜像使用的账号），这样镜像在非 root 运行时同样可用。'),
};

const isCustom = (ctx: ProjectContext): boolean => (ctx.config?.value as { model_type?: unknown } | undefined)?.model_type === 'Custom';

export default defineRule({
  meta: {
    code: 'MA212',
    family: 'dockerfile',
    severity: 'info',
    title: L('USER is root or absent', 'USER 为 root 或未设置'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f) return [];
    let user: Instruction | undefined;
    for (const ins of f.m.instrs) if (kwOf(ins) === 'USER') user = ins;
    const name = user ? expandVars(contentOf(user).trim(), f.m.varsAt(user)).value : undefined;
    if (name !== undefined && !/^(root|0)(:(root|0))?$/.test(name)) return [];
    const custom = isCustom(ctx);
    const severity = custom ? 'error' as const : undefined;
    const why = custom ? messages.custom : messages.consider;
    const base = user ? messages.runsAs(name) : messages.noUser;
    return [find(ctx, 'MA212', user ? user.getRange() : f.m.final!.from.getRange(), messages.finding(base, why), { severity })];
  },
});
