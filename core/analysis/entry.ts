// What runs when the container starts: ENTRYPOINT + CMD, unwrapped (sh -c, exec, env, tini), followed into the
// entry scripts that the build context provides (run.sh copied to /home/run.sh, start.sh, heredoc COPYs).
import * as path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import type { ImageModel } from './image';
import { mapSpan } from './image';
import { parseShell, unwrap, expandVars, type SimpleCommand, type Word } from './shell';
import { resolveInImage, type BuildContext } from './context';

/** A place in a file: the Dockerfile, an entry script or code file in the build context. */
export interface Loc { file: string; start: number; end: number; text: string }

export interface Step {
  /** Words after unwrapping exec/env/nohup; values expanded with the variables known at that point. */
  words: { value: string; loc: Loc; raw: string }[];
  cmd: SimpleCommand;
  /** Text of the file the command is in (for redirect and sub-range lookups). */
  file: string;
  fileText: string;
  env: Map<string, string>;
  cwd: string;
  nohup: boolean;
  /** Last command of the top-level entry (after following scripts): the process that must stay in the foreground. */
  main: boolean;
  /** A later `wait` in the same script keeps PID 1 alive for a background command. */
  waitAfter: boolean;
  depth: number;
}

export interface Startup {
  /** The CMD/ENTRYPOINT instruction that starts the container (finding anchor). */
  anchor?: Instruction;
  steps: Step[];
  /** False when a script could not be followed (not in the build context) or the command is opaque. */
  complete: boolean;
  /** Scripts followed, with their container path and source. */
  scripts: { containerPath: string; file: string }[];
}

const SHELLS = new Set(['sh', 'bash', 'dash', 'ash', 'zsh']);
const cache = new WeakMap<ImageModel, Startup>();

export function startup(m: ImageModel, bc: BuildContext): Startup {
  const hit = cache.get(m);
  if (hit) return hit;
  const res = compute(m, bc);
  cache.set(m, res);
  return res;
}

function compute(m: ImageModel, bc: BuildContext): Startup {
  const out: Startup = { anchor: m.entrypoint ?? m.cmd, steps: [], complete: true, scripts: [] };
  if (!out.anchor) return out;
  const env = new Map(m.varsAt(out.anchor));
  const cwd = m.workdirAt(out.anchor);
  new StartupWalker(m, bc, out).walk(topCommands(m), m.doc.file, m.doc.text, env, cwd, 0, true);
  return out;
}

const asCmd = (w: Word[]): SimpleCommand =>
  ({ assignments: [], words: w, redirects: [], background: false, piped: false, start: w[0]?.start ?? 0, end: w[w.length - 1]?.end ?? 0 });
const isShell = (x: Word[] | SimpleCommand[] | undefined): x is SimpleCommand[] => !!x && x.length > 0 && 'words' in (x[0] as object);

/** ENTRYPOINT + CMD as the commands PID 1 runs: shell forms parsed, exec forms joined into one command. */
function topCommands(m: ImageModel): SimpleCommand[] {
  const top: SimpleCommand[] = [];
  const wordsOf = (ins: Instruction): Word[] | SimpleCommand[] => {
    const ex = m.execArgs(ins);
    if (ex) return ex.map((e) => ({ value: e.value, start: e.start, end: e.end, quoted: true }));
    const c = m.clean(ins);
    return parseShell(c.text).map((sc) => remap(sc, (s, e) => mapSpan(c, s, e)));
  };
  const ep = m.entrypoint ? wordsOf(m.entrypoint) : undefined;
  const cmd = m.cmd ? wordsOf(m.cmd) : undefined;
  if (ep && isShell(ep)) top.push(...ep);
  else if (ep) {
    const rest = cmd ? (isShell(cmd) ? cmd.flatMap((c) => c.words) : (cmd as Word[])) : [];
    top.push(asCmd([...(ep as Word[]), ...rest]));
  } else if (cmd && isShell(cmd)) top.push(...cmd);
  else if (cmd) top.push(asCmd(cmd as Word[]));
  return top;
}

/** `NAME=value` words into `env`, their values expanded with `scope`. */
function assign(env: Map<string, string>, words: Word[], scope: Map<string, string>): void {
  for (const a of words) {
    const eq = a.value.indexOf('=');
    env.set(a.value.slice(0, eq), expandVars(a.value.slice(eq + 1), scope).value);
  }
}

/** Walks the commands of the entry and of every script it runs, collecting the steps into `out`. */
class StartupWalker {
  constructor(private readonly m: ImageModel, private readonly bc: BuildContext, private readonly out: Startup) {}

  walk(cmds: SimpleCommand[], file: string, text: string, env: Map<string, string>, cwd: string, depth: number, isMain: boolean): void {
    const waitIdx = cmds.map((c) => c.words[0]?.value).lastIndexOf('wait');
    cmds.forEach((sc, idx) => {
      const waitAfter = waitIdx > idx;
      const last = isMain && idx === lastForeground(cmds);
      if (!sc.words.length) assign(env, sc.assignments, env);
      const u = unwrap(sc.words);
      const localEnv = new Map(env);
      assign(localEnv, [...sc.assignments, ...u.env], env);
      if (u.words[0]?.value === 'export') {
        assign(env, u.words.slice(1).filter((w) => w.value.indexOf('=') > 0), env);
        return;
      }
      const words = u.words.map((w) => ({ value: expandVars(w.value, localEnv).value, raw: w.value, loc: { file, start: w.start, end: w.end, text } }));
      if (!words.length) return;
      const prog = path.posix.basename(words[0].value);
      if (prog === 'cd' && words[1]) { cwd = path.posix.resolve(cwd, words[1].value); return; }
      const follow = (p: string, scope: Map<string, string>, main: boolean) =>
        this.follow(p, scope, cwd, depth, main, sc, words, file, text, u.nohup);
      if (depth < 4 && SHELLS.has(prog)) {
        let i = 1;
        while (i < words.length && /^-[a-z]+$/.test(words[i].value) && !words[i].value.includes('c')) i++;
        if (words[i] && /^-[a-z]*c[a-z]*$/.test(words[i].value) && words[i + 1]) {
          const w = u.words[i + 1];
          const inner = parseShell(w.value, w.start + (w.quoted ? 1 : 0));
          this.walk(inner, file, text, localEnv, cwd, depth, last);
          return;
        }
        if (words[i]) { follow(words[i].value, localEnv, last); return; }
      }
      if (depth < 4 && (prog === 'source' || prog === '.') && words[1]) { follow(words[1].value, env, false); return; }
      if (depth < 4 && /\.sh$/.test(words[0].value)) { follow(words[0].value, localEnv, last); return; }
      this.out.steps.push({ words, cmd: sc, file, fileText: text, env: localEnv, cwd, nohup: u.nohup, main: last, waitAfter, depth });
    });
  }

  private follow(
    p: string, env: Map<string, string>, cwd: string, depth: number, isMain: boolean,
    sc: SimpleCommand, words: Step['words'], file: string, text: string, nohup: boolean,
  ): void {
    const cpath = path.posix.resolve(cwd, p);
    const r = resolveInImage(this.m, this.bc, cpath);
    if (!r) {
      this.out.complete = false;
      this.out.steps.push({ words, cmd: sc, file, fileText: text, env, cwd, nohup, main: isMain, waitAfter: false, depth });
      return;
    }
    const doc = this.m.doc;
    if (r.kind === 'heredoc') {
      this.out.scripts.push({ containerPath: cpath, file: doc.file });
      this.walk(parseShell(r.text, r.base), doc.file, doc.text, new Map(env), cwd, depth + 1, isMain && !sc.background);
    } else {
      this.out.scripts.push({ containerPath: cpath, file: r.file });
      this.walk(parseShell(r.text), r.file, r.text, new Map(env), cwd, depth + 1, isMain && !sc.background);
    }
  }
}

/** Index of the command that stays in the foreground at the end (the last one; `wait` keeps the one before). */
function lastForeground(cmds: SimpleCommand[]): number {
  let i = cmds.length - 1;
  while (i > 0 && ['wait', 'trap', 'echo', 'exit', 'fi', 'done', 'esac'].includes(cmds[i].words[0]?.value ?? '')) i--;
  return i;
}

function remap(sc: SimpleCommand, f: (s: number, e: number) => { start: number; end: number }): SimpleCommand {
  const w = (x: Word): Word => ({ ...x, ...f(x.start, x.end) });
  return {
    ...sc,
    assignments: sc.assignments.map(w),
    words: sc.words.map(w),
    redirects: sc.redirects.map((r) => ({ ...r, ...f(r.start, r.end), target: r.target ? w(r.target) : undefined })),
    ...f(sc.start, sc.end),
  };
}
