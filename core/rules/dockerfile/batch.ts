// MA204 (batch entry is /bin/sh /home/run.sh and run.sh is in the image), MA205 (python, JRE/JDK, zip installed).
import * as path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../context';
import { parseShell } from '../../analysis/shell';
import { resolveInImage, mayProvide } from '../../analysis/context';
import { baseInfo, componentOf, installLine, PACKAGES, type Component } from '../../analysis/base';
import type { ImageModel } from '../../analysis/image';
import { facts, find, fix, insertAfter, insertLine, argsRange } from './facts';
import { kwOf, rawContentOf } from '../../analysis/image';

const SH = /^(\/usr)?(\/bin\/)?sh$/;
/** The canonical batch command: the seed's shell form, or the exec form the current documentation writes. */
export const batchCmd = (ctx: ProjectContext): string => (ctx.opts.profile === 'current' ? 'CMD ["sh", "/home/run.sh"]' : 'CMD /bin/sh /home/run.sh');

function words(m: ImageModel, ins: Instruction): string[] | undefined {
  const ex = m.execArgs(ins);
  if (ex) return ex.map((e) => e.value);
  const cmds = parseShell(m.clean(ins).text);
  return cmds.length === 1 ? cmds[0].words.map((w) => w.value) : undefined;
}

export function ma204(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f || f.service.kind !== 'batch') return [];
  const { m } = f;
  const out: RawFinding[] = [];
  const from = m.final!.from;
  const ep = m.entrypoint ? words(m, m.entrypoint) ?? ['?'] : [];
  const cmd = m.cmd ? words(m, m.cmd) ?? ['?'] : [];
  const argv = [...ep, ...(m.entrypoint && m.execArgs(m.entrypoint) === undefined ? [] : cmd)];
  const ok = argv.length === 2 && SH.test(argv[0]) && argv[1] === '/home/run.sh';
  // No command at all on a known base image is MA207's finding (its fix adds the batch command).
  const reportedByMa207 = !m.cmd && !m.entrypoint && !!baseInfo(m.baseImage);
  const BATCH_CMD = batchCmd(ctx);
  if (!ok && !reportedByMa207) {
    const at = m.cmd ?? m.entrypoint;
    const edits = [];
    if (m.cmd && m.final!.instrs.includes(m.cmd)) edits.push({ file: f.file, range: m.cmd.getRange(), newText: BATCH_CMD });
    else edits.push(insertAfter(ctx, m.instrs[m.instrs.length - 1] ?? from, BATCH_CMD));
    if (m.entrypoint) edits.push({ file: f.file, range: m.entrypoint.getRange(), newText: 'ENTRYPOINT []' });
    const shown = argv.join(' ') || '(none)';
    out.push(find(ctx, 'MA204', at ? argsRange(at) : from.getRange(),
      L(`A batch service must start with /bin/sh /home/run.sh (CMD /bin/sh /home/run.sh or CMD ["sh", "/home/run.sh"]); this image runs: ${shown}. Generic linters (hadolint DL3025) may flag the shell form; ModelArts requires it.`,
        `批量服务必须以 /bin/sh /home/run.sh 启动（CMD /bin/sh /home/run.sh 或 CMD ["sh", "/home/run.sh"]）；当前镜像运行的是：${shown}。通用检查工具（hadolint DL3025）可能提示 shell 形式，但 ModelArts 要求如此。`),
      { fixes: [fix(L(`Use ${BATCH_CMD}`, `改为 ${BATCH_CMD}`), edits, true)] }));
  }
  const provided = copiesTo(m, '/home/run.sh') || resolveInImage(m, f.bc, '/home/run.sh') || mayProvide(m, '/home/run.sh') || !baseInfo(m.baseImage);
  if (!provided) {
    const at = m.cmd ?? m.entrypoint;
    const hasRunSh = f.bc.exists('run.sh') && !f.bc.isIgnored('run.sh');
    const line = (at && m.final!.instrs.includes(at) ? at : undefined)?.getRange().start.line;
    const fixes = hasRunSh ? [fix(L('Add COPY run.sh /home/run.sh', '添加 COPY run.sh /home/run.sh'),
      [line !== undefined ? insertLine(ctx, line, 'COPY run.sh /home/run.sh') : insertAfter(ctx, m.instrs[m.instrs.length - 1] ?? from, 'COPY run.sh /home/run.sh')], true)] : undefined;
    out.push(find(ctx, 'MA204', at ? argsRange(at) : from.getRange(),
      L('Nothing puts a run.sh at /home/run.sh: the batch entry would not exist. Add COPY run.sh /home/run.sh.', '没有任何指令把 run.sh 放到 /home/run.sh：批量服务的入口不存在。请添加 COPY run.sh /home/run.sh。'), { fixes }));
  }
  return out;
}

/** A COPY/ADD whose destination is `p` (a missing source is MA210's finding, not a missing run.sh). */
function copiesTo(m: ImageModel, p: string): boolean {
  return m.copies.some((op) => !op.fromStage && op.sources.some((s) =>
    (!op.destIsDir && op.destAbs === p) || (op.destIsDir && path.posix.join(op.destAbs, path.posix.basename(s.value)) === p)));
}

const NAMES: Record<Component, [string, string]> = { python: ['python', 'python'], java: ['a JRE/JDK', 'JRE/JDK'], zip: ['zip', 'zip'] };

/** Components the build installs or brings in (package installs, conda, JAVA_HOME, downloads of a JDK).
 *  `opaque` when the build installs things we cannot read (package lists in variables, setup scripts). */
export function installed(m: ImageModel): Set<Component> & { opaque?: boolean } {
  const got: Set<Component> & { opaque?: boolean } = new Set<Component>();
  for (const ins of m.instrs) {
    const kw = kwOf(ins);
    const raw = rawContentOf(ins);
    if (kw === 'ENV' && /\bJAVA_HOME\b/.test(raw)) got.add('java');
    if (kw === 'ENV' && /conda|pyenv/i.test(raw)) got.add('python');
    if ((kw === 'COPY' || kw === 'ADD') && /jdk|jre|java|temurin/i.test(raw)) got.add('java');
    if (kw !== 'RUN') continue;
    if (/(jdk|jre)[\w.-]*\.(tar\.gz|tgz|zip|rpm|deb)|sdkman|sdk install java/i.test(raw)) got.add('java');
    if (/miniconda|anaconda|micromamba|pyenv install/i.test(raw)) got.add('python');
    for (const sc of parseShell(m.clean(ins).text)) {
      const w = sc.words.map((x) => x.value);
      const prog = (w[0] ?? '').replace(/^.*\//, '');
      if (/^python[\d.]*$|^pip[\d.]*$/.test(prog)) got.add('python');
      if (prog === 'java') got.add('java');
      if (prog === 'zip') got.add('zip');
      if (/\.sh$/.test(prog) || (/^(ba|da)?sh$/.test(prog) && /\.sh$/.test(w[1] ?? '')) || prog === 'xargs') got.opaque = true;
      const verb = ['apt-get', 'apt', 'aptitude', 'apt-fast', 'yum', 'dnf', 'microdnf', 'tdnf', 'zypper', 'conda', 'mamba', 'micromamba'].includes(prog) ? 'install'
        : prog === 'apk' ? 'add' : undefined;
      const k = verb ? w.indexOf(verb) : -1;
      if (k < 0) continue;
      for (const p of w.slice(k + 1)) {
        if (/[$`]/.test(p)) got.opaque = true;
        else if (!p.startsWith('-')) { const c = componentOf(p); if (c) got.add(c); }
      }
    }
  }
  return got;
}

export function ma205(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f || f.service.kind !== 'batch') return [];
  const info = baseInfo(f.m.baseImage);
  if (!info) return [];
  const inst = installed(f.m);
  if (inst.opaque) return [];
  const have = new Set<Component>([...info.has, ...inst]);
  const missing = (['python', 'java', 'zip'] as Component[]).filter((c) => !have.has(c));
  if (!missing.length) return [];
  const from = f.m.final!.from;
  const pkgs = missing.map((c) => PACKAGES[info.pm][c]);
  const line = installLine(info.pm, pkgs);
  const fx = fix(L(`Install ${pkgs.join(' ')} (${info.pm})`, `安装 ${pkgs.join(' ')}（${info.pm}）`), [insertAfter(ctx, from, line)], true);
  return missing.map((c) => find(ctx, 'MA205', from.getRange(),
    L(`Batch services need ${NAMES[c][0]} in the image; ${f.m.baseImage} does not ship it and no RUN installs it. Add: ${line}`,
      `批量服务的镜像中需要 ${NAMES[c][1]}；${f.m.baseImage} 未自带，也没有 RUN 安装它。请添加：${line}`), { fixes: [fx] }));
}
