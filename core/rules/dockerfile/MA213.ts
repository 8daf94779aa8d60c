// MA213: A RUN, CMD/ENTRYPOINT or entry script that does not parse as shell. Page: docs/rules/MA213.md
// A RUN that is no valid shell stops `docker build` at that step; a shell-form CMD/ENTRYPOINT or an entry script
// (run.sh) that does not parse makes the container exit at start. Where the errors are: analysis/dockerfile/shellErrors.ts.
import type { Instruction } from 'dockerfile-ast';
import type { Localized, RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import { kwOf } from '../../analysis/image';
import { readable, type Dialect, type ShellSyntaxError } from '../../analysis/shsyntax';
import { facts, find, rangeOfLoc, type Facts } from '../../analysis/dockerfile/facts';
import { instrError, neededStages, scriptErrors, shellsByInstr, startInstrs, type ScriptError } from '../../analysis/dockerfile/shellErrors';

const messages = {
  syntax: (err: ShellSyntaxError, what: Localized, where: Localized) => {
    const r = readable(err.text);
    return L(`Shell syntax error in ${what.en}: ${r.en}; ${where.en}. Fix the script (the shell reports: ${err.text}).`,
      `${what.zh}中有 shell 语法错误：${r.zh}；${where.zh}。请修正脚本（shell 的报错：${err.text}）。`);
  },
  run: L('RUN', 'RUN '),
  command: (kw: string) => L(`the ${kw} command`, `${kw} 命令`),
  script: (name: string) => L(name, name + ' '),
  buildStops: L('`docker build` stops at this step with a shell syntax error', '`docker build` 会在这一步因 shell 语法错误而失败'),
  exitsAtStart: L(
    'the container exits at start (/bin/sh: syntax error) and ModelArts cannot deploy it',
    '容器启动即退出（/bin/sh：语法错误），ModelArts 无法部署'),
  scriptExits: L('the container exits at start with a syntax error and ModelArts cannot deploy it', '容器启动时因语法错误退出，ModelArts 无法部署'),
  unusedStage: (message: Localized) => L(
    `${message.en} This stage is not used by the final image: BuildKit skips it, the classic builder fails.`,
    `${message.zh}该阶段未被最终镜像使用：BuildKit 会跳过它，传统构建器会失败。`),
  startedHere: (name: string) => L(`${name} is started here`, `${name} 在此处启动`),
};

function instrFinding(ctx: ProjectContext, f: Facts, ins: Instruction, dialect: Dialect, needed: boolean): RawFinding | undefined {
  const kw = kwOf(ins);
  const ie = instrError(f.m, ins, kw, dialect);
  if (!ie) return undefined;
  const { err, start, end } = ie;
  const msg = kw === 'RUN' ? messages.syntax(err, messages.run, messages.buildStops) : messages.syntax(err, messages.command(kw), messages.exitsAtStart);
  const out = find(ctx, 'MA213', ctx.dockerfile!.rangeOf(start, end - start), msg);
  if (!needed) {
    // BuildKit skips a stage the final image does not need; the classic builder still runs it.
    out.severity = 'warning';
    out.message = messages.unusedStage(out.message);
  }
  return out;
}

/** Reported in the script itself, linked to the instruction that starts it. */
function scriptFinding(ctx: ProjectContext, f: Facts, e: ScriptError): RawFinding {
  return {
    code: 'MA213', file: e.loc.file, range: rangeOfLoc(ctx, e.loc), message: messages.syntax(e.err, messages.script(e.name), messages.scriptExits),
    related: [{ file: f.file, range: f.start.anchor!.getRange(), message: messages.startedHere(e.name) }],
  };
}

export default defineRule({
  meta: {
    code: 'MA213',
    family: 'dockerfile',
    severity: 'error',
    title: L('A RUN, CMD/ENTRYPOINT or entry script that does not parse as shell', 'RUN、CMD/ENTRYPOINT 或入口脚本不是合法的 shell'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f) return [];
    const shells = shellsByInstr(f.m);
    const needed = neededStages(f.m);
    const at = (ins: Instruction, isNeeded: boolean) => {
      const d = shells.get(ins);
      return d && instrFinding(ctx, f, ins, d, isNeeded);
    };
    const runs = f.m.stages.flatMap((st) => st.instrs.filter((ins) => kwOf(ins) === 'RUN').map((ins) => at(ins, needed.has(st))));
    const start = startInstrs(f.m).map((ins) => at(ins, true));
    return [...runs, ...start].filter((x): x is RawFinding => !!x).concat(scriptErrors(f).map((e) => scriptFinding(ctx, f, e)));
  },
});
