// MA213: shell text that does not parse. A RUN that is no valid shell stops `docker build` at that step; a
// shell-form CMD/ENTRYPOINT or an entry script (run.sh) that does not parse makes the container exit at start.
// Parsed with mvdan/sh (analysis/shsyntax.ts) in the dialect of the SHELL in effect; other shells are not judged.
import * as path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import type { Localized, RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../context';
import { kwOf, type ImageModel, type Stage } from '../../analysis/image';
import { resolveInImage } from '../../analysis/context';
import { readable, shellSyntaxError, type Dialect, type ShellSyntaxError } from '../../analysis/shsyntax';
import { facts, find, rangeOfLoc, type Facts } from './facts';
import { fileSpan, isExecForm, shellText } from './shellJoin';

/** Dialect for a shell program; undefined: not a shell we parse (powershell, cmd, zsh, python...). */
export function dialectOf(program: string): Dialect | undefined {
  const p = path.posix.basename(program.replace(/\\/g, '/')).toLowerCase().replace(/\.exe$/, '');
  // sh is dash on Debian and busybox ash on Alpine; parsed as bash so that bash-isms that those shells happen
  // to accept, or that a RUN never reaches, do not become false errors (a missed error is the lesser harm).
  if (['sh', 'bash', 'dash', 'ash', 'busybox'].includes(p)) return 'bash';
  if (p === 'mksh' || p === 'ksh') return 'mksh';
  return undefined;
}

/** The SHELL in effect at each instruction of every stage (a stage inherits its parent stage's SHELL). */
function shellsByInstr(m: ImageModel): Map<Instruction, Dialect | undefined> {
  const out = new Map<Instruction, Dialect | undefined>();
  const atEnd = new Map<Stage, Dialect | undefined>();
  for (const st of m.stages) {
    let d: Dialect | undefined = st.parent ? atEnd.get(st.parent) : 'bash';
    for (const ins of st.instrs) {
      if (kwOf(ins) === 'SHELL') {
        const args = m.execArgs(ins);
        d = args?.length ? dialectOf(args[0].value) : undefined;
      }
      out.set(ins, d);
    }
    atEnd.set(st, d);
  }
  return out;
}

/** Stages the final image needs: its ancestry and the stages it copies from (BuildKit builds only those). */
function neededStages(m: ImageModel): Set<Stage> {
  const need = new Set<Stage>();
  if (m.stages.length === 1) return new Set(m.stages);
  const add = (s: Stage | undefined) => {
    for (let x = s; x && !need.has(x); x = x.parent) {
      need.add(x);
      for (const ins of x.instrs) {
        if (kwOf(ins) !== 'COPY') continue;
        const from = /--from=(\S+)/.exec(m.doc.text.slice(m.offsetOf(ins.getRange().start), m.offsetOf(ins.getRange().end)))?.[1]?.toLowerCase();
        if (from !== undefined) add(m.stages.find((st) => st.name === from || String(st.index) === from));
      }
    }
  };
  add(m.final);
  return need;
}

/** Length of the token at the error: an operator run, a word, or one character. */
function tokenLength(text: string, at: number): number {
  // An unclosed quote, `$(`, `${` or `(`: the opening characters alone.
  const open = /^(?:\$\(\(|\$\(|\$\{|["'`({])/.exec(text.slice(at, at + 3));
  if (open) return open[0].length;
  const op = /^(?:&&|\|\||;;|[|&;()<>]+)/.exec(text.slice(at, at + 3));
  if (op) return op[0].length;
  const w = /^[^\s|&;()<>]+/.exec(text.slice(at, at + 64));
  return w ? w[0].length : 1;
}

const WHERE: Record<string, Localized> = {
  RUN: L('`docker build` stops at this step with a shell syntax error', '`docker build` 会在这一步因 shell 语法错误而失败'),
  CMD: L('the container exits at start (/bin/sh: syntax error) and ModelArts cannot deploy it', '容器启动即退出（/bin/sh：语法错误），ModelArts 无法部署'),
  script: L('the container exits at start with a syntax error and ModelArts cannot deploy it', '容器启动时因语法错误退出，ModelArts 无法部署'),
};

function message(err: ShellSyntaxError, what: Localized, where: Localized): Localized {
  const r = readable(err.text);
  return L(`Shell syntax error in ${what.en}: ${r.en}; ${where.en}. Fix the script (the shell reports: ${err.text}).`,
    `${what.zh}中有 shell 语法错误：${r.zh}；${where.zh}。请修正脚本（shell 的报错：${err.text}）。`);
}

interface InstrError { err: ShellSyntaxError; start: number; end: number }
// Per instruction source text (offsets relative to the instruction): an unchanged instruction is neither joined nor
// parsed again when the file is re-checked after an edit elsewhere. Keyed by keyword, escape character and dialect.
const instrCache = new Map<string, Map<string, InstrError | null>>();

function instrError(m: ImageModel, ins: Instruction, kw: string, dialect: Dialect): InstrError | undefined {
  const s0 = m.offsetOf(ins.getRange().start);
  const raw = m.doc.text.slice(s0, m.offsetOf(ins.getRange().end));
  const key = `${kw}\0${m.doc.ast.getEscapeCharacter()}\0${dialect}`;
  let cache = instrCache.get(key);
  if (!cache) instrCache.set(key, (cache = new Map()));
  const hit = cache.get(raw);
  if (hit !== undefined) return hit ? { ...hit, start: hit.start + s0, end: hit.end + s0 } : undefined;
  const res = computeError(m, ins, kw, dialect);
  if (cache.size >= 5000) cache.clear();
  cache.set(raw, res ? { ...res, start: res.start - s0, end: res.end - s0 } : null);
  return res;
}

function computeError(m: ImageModel, ins: Instruction, kw: string, dialect: Dialect): InstrError | undefined {
  const t = shellText(m, ins, kw === 'RUN');
  if (!t || !t.text.trim() || isExecForm(t)) return undefined;
  let d: Dialect | undefined = dialect;
  if (t.bareHeredoc && t.text.startsWith('#!')) d = dialectOf(/^#!\s*(?:\S*\/env\s+(?:-\S+\s+)*)?(\S+)/.exec(t.text)?.[1] ?? '');
  if (!d) return undefined;
  const err = shellSyntaxError(t.text, d);
  if (!err) return undefined;
  return { err, ...fileSpan(t, err.offset, err.offset + tokenLength(t.text, err.offset)) };
}

function checkInstr(ctx: ProjectContext, f: Facts, ins: Instruction, dialect: Dialect, needed: boolean): RawFinding | undefined {
  const kw = kwOf(ins);
  const ie = instrError(f.m, ins, kw, dialect);
  if (!ie) return undefined;
  const { err, start, end } = ie;
  const where = kw === 'RUN' ? WHERE.RUN : WHERE.CMD;
  const what = L(kw === 'RUN' ? 'RUN' : `the ${kw} command`, kw === 'RUN' ? 'RUN ' : `${kw} 命令`);
  const out = find(ctx, 'MA213', ctx.dockerfile!.rangeOf(start, end - start), message(err, what, where));
  if (!needed) {
    // BuildKit skips a stage the final image does not need; the classic builder still runs it.
    out.severity = 'warning';
    out.message = L(`${out.message.en} This stage is not used by the final image: BuildKit skips it, the classic builder fails.`,
      `${out.message.zh}该阶段未被最终镜像使用：BuildKit 会跳过它，传统构建器会失败。`);
  }
  return out;
}

/** Entry scripts the start command runs (run.sh, start.sh, a heredoc COPY): parsed in their own file. */
function checkScripts(ctx: ProjectContext, f: Facts): RawFinding[] {
  const out: RawFinding[] = [];
  const seen = new Set<string>();
  for (const s of f.start.scripts) {
    if (seen.has(s.containerPath)) continue;
    seen.add(s.containerPath);
    const r = resolveInImage(f.m, f.bc, s.containerPath);
    if (!r) continue;
    const text = r.text;
    const base = r.kind === 'heredoc' ? r.base : 0;
    const file = r.kind === 'heredoc' ? f.file : r.file;
    const fileText = r.kind === 'heredoc' ? f.m.doc.text : r.text;
    const bang = /^#!\s*(?:\S*\/env\s+(?:-\S+\s+)*)?(\S+)/.exec(text)?.[1];
    const d = bang ? dialectOf(bang) : 'bash';
    if (!d) continue;
    const err = shellSyntaxError(text.replace(/\r(?=\n|$)/g, ' '), d);
    if (!err) continue;
    const loc = { file, start: base + err.offset, end: base + err.offset + Math.min(tokenLength(text, err.offset), Math.max(1, text.length - err.offset)), text: fileText };
    const name = path.posix.basename(s.containerPath);
    const msg = message(err, L(name, name + ' '), WHERE.script);
    const anchor = f.start.anchor!;
    out.push({
      code: 'MA213', file, range: rangeOfLoc(ctx, loc), message: msg,
      related: [{ file: f.file, range: anchor.getRange(), message: L(`${name} is started here`, `${name} 在此处启动`) }],
    });
  }
  return out;
}

export function ma213(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const shells = shellsByInstr(f.m);
  const needed = neededStages(f.m);
  const out: RawFinding[] = [];
  for (const st of f.m.stages) {
    for (const ins of st.instrs) {
      if (kwOf(ins) !== 'RUN') continue;
      const d = shells.get(ins);
      const r = d && checkInstr(ctx, f, ins, d, needed.has(st));
      if (r) out.push(r);
    }
  }
  // The start command: shell-form ENTRYPOINT, or shell-form CMD unless a shell-form ENTRYPOINT ignores it.
  const ep = f.m.entrypoint, cmd = f.m.cmd;
  const epText = ep && shellText(f.m, ep, false);
  for (const ins of [ep, epText && !isExecForm(epText) ? undefined : cmd]) {
    if (!ins) continue;
    const d = shells.get(ins);
    const r = d && checkInstr(ctx, f, ins, d, true);
    if (r) out.push(r);
  }
  out.push(...checkScripts(ctx, f));
  return out;
}
