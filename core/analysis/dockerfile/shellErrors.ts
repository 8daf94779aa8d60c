// Where shell text does not parse (MA213): RUN, shell-form CMD/ENTRYPOINT and the entry scripts (run.sh), joined
// as Docker joins them and parsed with mvdan/sh (../shsyntax.ts) in the dialect of the SHELL in effect; other
// shells are not judged.
import * as path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import { kwOf, type ImageModel, type Stage } from '../image';
import { resolveInImage } from '../context';
import type { Loc } from '../entry';
import { shellSyntaxError, type Dialect, type ShellSyntaxError } from '../shsyntax';
import type { Facts } from './facts';
import { fileSpan, isExecForm, shellText } from './shellJoin';

/** Dialect for a shell program; undefined: not a shell we parse (powershell, cmd, zsh, python...). */
function dialectOf(program: string): Dialect | undefined {
  const p = path.posix.basename(program.replace(/\\/g, '/')).toLowerCase().replace(/\.exe$/, '');
  // sh is dash on Debian and busybox ash on Alpine; parsed as bash so that bash-isms that those shells happen
  // to accept, or that a RUN never reaches, do not become false errors (a missed error is the lesser harm).
  if (['sh', 'bash', 'dash', 'ash', 'busybox'].includes(p)) return 'bash';
  if (p === 'mksh' || p === 'ksh') return 'mksh';
  return undefined;
}

/** The program a `#!` line names (`#!/usr/bin/env -S bash` gives bash). */
const shebang = (text: string): string | undefined => /^#!\s*(?:\S*\/env\s+(?:-\S+\s+)*)?(\S+)/.exec(text)?.[1];

/** The SHELL in effect at each instruction of every stage (a stage inherits its parent stage's SHELL). */
export function shellsByInstr(m: ImageModel): Map<Instruction, Dialect | undefined> {
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
export function neededStages(m: ImageModel): Set<Stage> {
  const need = new Set<Stage>();
  if (m.stages.length === 1) return new Set(m.stages);
  const copiedFrom = (ins: Instruction) =>
    /--from=(\S+)/.exec(m.doc.text.slice(m.offsetOf(ins.getRange().start), m.offsetOf(ins.getRange().end)))?.[1]?.toLowerCase();
  const add = (s: Stage | undefined) => {
    for (let x = s; x && !need.has(x); x = x.parent) {
      need.add(x);
      for (const ins of x.instrs) {
        const from = kwOf(ins) === 'COPY' ? copiedFrom(ins) : undefined;
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

/** A syntax error in an instruction, with its file range [start, end). */
interface InstrError { err: ShellSyntaxError; start: number; end: number }
// Per instruction source text (offsets relative to the instruction): an unchanged instruction is neither joined nor
// parsed again when the file is re-checked after an edit elsewhere. Keyed by keyword, escape character and dialect.
const instrCache = new Map<string, Map<string, InstrError | null>>();

export function instrError(m: ImageModel, ins: Instruction, kw: string, dialect: Dialect): InstrError | undefined {
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
  if (t.bareHeredoc && t.text.startsWith('#!')) d = dialectOf(shebang(t.text) ?? '');
  if (!d) return undefined;
  const err = shellSyntaxError(t.text, d);
  if (!err) return undefined;
  return { err, ...fileSpan(t, err.offset, err.offset + tokenLength(t.text, err.offset)) };
}

/** The start command's instructions that are shell: a shell-form ENTRYPOINT, or CMD unless that ENTRYPOINT ignores it. */
export function startInstrs(m: ImageModel): Instruction[] {
  const ep = m.entrypoint, cmd = m.cmd;
  const epText = ep && shellText(m, ep, false);
  return [ep, epText && !isExecForm(epText) ? undefined : cmd].filter((x): x is Instruction => !!x);
}

/** A syntax error in an entry script: the script's name in the image and where the error is. */
export interface ScriptError { err: ShellSyntaxError; name: string; loc: Loc }

/** The first syntax error of an entry script the image holds (a file of the build context or a heredoc COPY). */
function scriptError(f: Facts, containerPath: string): ScriptError | undefined {
  const r = resolveInImage(f.m, f.bc, containerPath);
  if (!r) return undefined;
  const text = r.text;
  const bang = shebang(text);
  const d = bang ? dialectOf(bang) : 'bash';
  const err = d && shellSyntaxError(text.replace(/\r(?=\n|$)/g, ' '), d);
  if (!err) return undefined;
  const base = r.kind === 'heredoc' ? r.base : 0;
  const file = r.kind === 'heredoc' ? f.file : r.file;
  const fileText = r.kind === 'heredoc' ? f.m.doc.text : r.text;
  const len = Math.min(tokenLength(text, err.offset), Math.max(1, text.length - err.offset));
  const loc = { file, start: base + err.offset, end: base + err.offset + len, text: fileText };
  return { err, name: path.posix.basename(containerPath), loc };
}

/** Entry scripts the start command runs (run.sh, start.sh, a heredoc COPY), each once: those that do not parse. */
export function scriptErrors(f: Facts): ScriptError[] {
  const seen = new Set<string>();
  const out: ScriptError[] = [];
  for (const s of f.start.scripts) {
    if (seen.has(s.containerPath)) continue;
    seen.add(s.containerPath);
    const e = scriptError(f, s.containerPath);
    if (e) out.push(e);
  }
  return out;
}
