// MA204: Batch: the command is not /bin/sh /home/run.sh. Page: docs/rules/MA204.md
import * as path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import type { Fix, RawFinding, Range } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import { parseShell } from '../../analysis/shell';
import { resolveInImage, mayProvide } from '../../analysis/context';
import { baseInfo } from '../../analysis/base';
import type { ImageModel } from '../../analysis/image';
import { argsRange, facts, find, fix, insertAfter, insertLine, type Facts } from '../../analysis/dockerfile/facts';
import { batchCmd } from '../../analysis/dockerfile/batch';

const messages = {
  wrongCommand: (runs: string) => L(
    'A batch service must start with /bin/sh /home/run.sh (CMD /bin/sh /home/run.sh or CMD ["sh", "/home/run.sh"]); '
      + `this image runs: ${runs || '(none)'}. Generic linters (hadolint DL3025) may flag the shell form; ModelArts requires it.`,
    '批量服务必须以 /bin/sh /home/run.sh 启动（CMD /bin/sh /home/run.sh 或 CMD ["sh", "/home/run.sh"]）；'
      + `当前镜像运行的是：${runs || '(none)'}。通用检查工具（hadolint DL3025）可能提示 shell 形式，但 ModelArts 要求如此。`),
  useFix: (cmd: string) => L(`Use ${cmd}`, `改为 ${cmd}`),
  noRunSh: L(
    'Nothing puts a run.sh at /home/run.sh: the batch entry would not exist. Add COPY run.sh /home/run.sh.',
    '没有任何指令把 run.sh 放到 /home/run.sh：批量服务的入口不存在。请添加 COPY run.sh /home/run.sh。'),
  copyFix: L('Add COPY run.sh /home/run.sh', '添加 COPY run.sh /home/run.sh'),
};

const SH = /^(\/usr)?(\/bin\/)?sh$/;
const RUN_SH = '/home/run.sh';

function words(m: ImageModel, ins: Instruction): string[] | undefined {
  const ex = m.execArgs(ins);
  if (ex) return ex.map((e) => e.value);
  const cmds = parseShell(m.clean(ins).text);
  return cmds.length === 1 ? cmds[0].words.map((w) => w.value) : undefined;
}

/** What the container runs: ENTRYPOINT, then CMD unless a shell-form ENTRYPOINT ignores it ('?' for unreadable). */
function startArgv(m: ImageModel): string[] {
  const ep = m.entrypoint ? words(m, m.entrypoint) ?? ['?'] : [];
  const cmd = m.cmd ? words(m, m.cmd) ?? ['?'] : [];
  return [...ep, ...(m.entrypoint && m.execArgs(m.entrypoint) === undefined ? [] : cmd)];
}

/** On the command's arguments, or on FROM when there is none. */
function at(m: ImageModel): Range {
  const ins = m.cmd ?? m.entrypoint;
  return ins ? argsRange(ins) : m.final!.from.getRange();
}

/** Replaces the final stage's CMD (or adds one) and empties an ENTRYPOINT. */
function commandFix(ctx: ProjectContext, f: Facts): Fix {
  const { m } = f;
  const cmd = batchCmd(ctx);
  const edits = [m.cmd && m.final!.instrs.includes(m.cmd) ? { file: f.file, range: m.cmd.getRange(), newText: cmd }
    : insertAfter(ctx, m.instrs[m.instrs.length - 1] ?? m.final!.from, cmd)];
  if (m.entrypoint) edits.push({ file: f.file, range: m.entrypoint.getRange(), newText: 'ENTRYPOINT []' });
  return fix(messages.useFix(cmd), edits, true);
}

function wrongCommand(ctx: ProjectContext, f: Facts): RawFinding | undefined {
  const { m } = f;
  const argv = startArgv(m);
  if (argv.length === 2 && SH.test(argv[0]) && argv[1] === RUN_SH) return undefined;
  // No command at all on a known base image is MA207's finding (its fix adds the batch command).
  if (!m.cmd && !m.entrypoint && !!baseInfo(m.baseImage)) return undefined;
  return find(ctx, 'MA204', at(m), messages.wrongCommand(argv.join(' ')), { fixes: [commandFix(ctx, f)] });
}

/** A COPY/ADD whose destination is `p` (a missing source is MA210's finding, not a missing run.sh). */
function copiesTo(m: ImageModel, p: string): boolean {
  return m.copies.some((op) => !op.fromStage && op.sources.some((s) =>
    (!op.destIsDir && op.destAbs === p) || (op.destIsDir && path.posix.join(op.destAbs, path.posix.basename(s.value)) === p)));
}

/** COPY run.sh /home/run.sh, before the command (or at the end), when the build context has a run.sh. */
function copyFix(ctx: ProjectContext, f: Facts): Fix[] | undefined {
  const { m } = f;
  if (!f.bc.exists('run.sh') || f.bc.isIgnored('run.sh')) return undefined;
  const cmd = m.cmd ?? m.entrypoint;
  const line = (cmd && m.final!.instrs.includes(cmd) ? cmd : undefined)?.getRange().start.line;
  const text = `COPY run.sh ${RUN_SH}`;
  const edit = line !== undefined ? insertLine(ctx, line, text) : insertAfter(ctx, m.instrs[m.instrs.length - 1] ?? m.final!.from, text);
  return [fix(messages.copyFix, [edit], true)];
}

function missingRunSh(ctx: ProjectContext, f: Facts): RawFinding | undefined {
  const { m } = f;
  // An unknown base image may bring its own run.sh.
  const provided = copiesTo(m, RUN_SH) || !!resolveInImage(m, f.bc, RUN_SH) || mayProvide(m, RUN_SH) || !baseInfo(m.baseImage);
  return provided ? undefined : find(ctx, 'MA204', at(m), messages.noRunSh, { fixes: copyFix(ctx, f) });
}

export default defineRule({
  meta: {
    code: 'MA204',
    family: 'dockerfile',
    severity: 'error',
    title: L('Batch: the command is not /bin/sh /home/run.sh', '批量服务：启动命令不是 /bin/sh /home/run.sh'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f || f.service.kind !== 'batch') return [];
    return [wrongCommand(ctx, f), missingRunSh(ctx, f)].filter((x): x is RawFinding => !!x);
  },
});
