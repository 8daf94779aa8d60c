// The image a Dockerfile builds, as the serving rules need it: the final stage and the stages it inherits from,
// build variables at each instruction, WORKDIR, what COPY/ADD put where, and the start command.
import * as path from 'node:path';
import type { Instruction, From, Heredoc } from 'dockerfile-ast';
import type { DockerfileDoc } from '../parse/dockerfile';
import { expandVars } from './shell';

export const KNOWN_INSTRUCTIONS = new Set(['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT',
  'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL']);

export interface Stage {
  from: From;
  index: number;
  name?: string;
  /** The FROM image after variable expansion (lower case). */
  image: string;
  /** The stage this one builds on, when FROM names an earlier stage. */
  parent?: Stage;
  instrs: Instruction[];
}

export interface CopyOp {
  instr: Instruction;
  /** Source words (context-relative) and the destination, expanded. */
  sources: { value: string; start: number; end: number }[];
  dest: string;
  /** Absolute destination in the image. */
  destAbs: string;
  destIsDir: boolean;
  fromStage: boolean;
  heredocs: Heredoc[];
}

/** Dockerfile text of an instruction's arguments with line continuations and continuation comments removed;
 *  map[i] is the file offset of text[i], so ranges stay exact. */
export interface CleanText { text: string; map: number[]; end: number }

export interface ImageModel {
  doc: DockerfileDoc;
  stages: Stage[];
  final?: Stage;
  /** The final stage's ancestry, root first, final last. */
  chain: Stage[];
  /** Instructions of the chain in build order (FROM lines excluded). */
  instrs: Instruction[];
  /** External base image of the final image (after following stage names). */
  baseImage?: string;
  varsAt(instr: Instruction): ReadonlyMap<string, string>;
  workdirAt(instr: Instruction): string;
  copies: CopyOp[];
  /** COPY/ADD of every stage (MA210 checks them all). */
  allCopies: CopyOp[];
  cmd?: Instruction;
  entrypoint?: Instruction;
  offsetOf(pos: { line: number; character: number }): number;
  clean(instr: Instruction): CleanText;
  /** JSON (exec form) strings with their offsets, or undefined for the shell form. */
  execArgs(instr: Instruction): { value: string; start: number; end: number }[] | undefined;
}

const cache = new WeakMap<DockerfileDoc, ImageModel>();

export function imageModel(doc: DockerfileDoc): ImageModel {
  const hit = cache.get(doc);
  if (hit) return hit;
  const m = build(doc);
  cache.set(doc, m);
  return m;
}

type Vars = ReadonlyMap<string, string>;
/** A JSON string of an exec form, as dockerfile-ast gives it (not in its type declarations). */
interface JsonString {
  getValue(): string;
  getJSONValue?(): string;
  getRange(): { start: { line: number; character: number }; end: { line: number; character: number } };
}

/**
 * One pass over the instructions: the stages, and the variables and WORKDIR each instruction sees. ENV wins over
 * ARG, as in Docker. Snapshots are taken only for the instructions whose arguments the rules expand, and shared
 * while nothing changes (linear in the file).
 */
class StageScanner {
  readonly stages: Stage[] = [];
  readonly vars = new Map<Instruction, Vars>();
  readonly workdirs = new Map<Instruction, string>();
  private readonly globalArgs = new Map<string, string>();
  private readonly stageVars = new Map<Stage, { env: Map<string, string>; workdir: string }>();
  private cur: Stage | undefined;
  private env = new Map<string, string>();
  private args = new Map<string, string>();
  private workdir = '/';
  private shared: Vars | undefined;
  private readonly live = { get: (k: string) => this.env.get(k) ?? this.args.get(k), has: (k: string) => this.env.has(k) || this.args.has(k) } as Vars;

  scan(instructions: Instruction[]): this {
    for (const ins of instructions) {
      const kw = kwOf(ins);
      if (kw === 'FROM') this.from(ins as From);
      else if (!this.cur) {
        if (kw === 'ARG') for (const a of argPairs(ins)) this.globalArgs.set(a[0], a[1] ?? '');
      } else this.instruction(this.cur, ins, kw);
    }
    return this;
  }

  private from(from: From): void {
    const raw = from.getImage() ?? '';
    const image = expandVars(raw, this.globalArgs).value.toLowerCase();
    const name = from.getBuildStage()?.toLowerCase() ?? undefined;
    const parent = this.stages.find((s) => s.name !== undefined && s.name === image);
    const cur: Stage = { from, index: this.stages.length, name, image, parent, instrs: [] };
    this.cur = cur;
    this.stages.push(cur);
    const inherited = parent ? this.stageVars.get(parent) : undefined;
    this.env = new Map(inherited?.env ?? []);
    this.args = new Map();
    this.shared = undefined;
    this.workdir = inherited?.workdir ?? '/';
    this.stageVars.set(cur, { env: this.env, workdir: this.workdir });
  }

  private instruction(cur: Stage, ins: Instruction, kw: string): void {
    cur.instrs.push(ins);
    if (needsVars(ins, kw)) this.vars.set(ins, (this.shared ??= new Map([...this.args, ...this.env])));
    this.workdirs.set(ins, this.workdir);
    if (kw === 'ARG') {
      const set: [string, string][] = [];
      for (const [k, v] of argPairs(ins)) {
        const val = v !== undefined ? expandVars(v, this.live).value : this.globalArgs.get(k);
        if (val !== undefined) set.push([k, val]);
      }
      for (const [k, v] of set) this.args.set(k, v);
      this.shared = undefined;
    } else if (kw === 'ENV') {
      // Values in one ENV line see the variables as they were before the line.
      const set = propsOf(ins).map((p) => [p.getName(), expandVars(unquote(p.getValue() ?? ''), this.live).value] as const);
      for (const [k, v] of set) this.env.set(k, v);
      this.shared = undefined;
    } else if (kw === 'WORKDIR') {
      const w = expandVars(contentOf(ins), this.live).value.trim();
      if (w) this.workdir = path.posix.resolve(this.workdir, w);
      this.stageVars.get(cur)!.workdir = this.workdir;
    }
  }
}

const needsVars = (ins: Instruction, kw: string) =>
  ['EXPOSE', 'USER', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'FROM'].includes(kw) || ((kw === 'COPY' || kw === 'ADD') && rawContentOf(ins).includes('$'));

/** The final stage's ancestry, root first, final last. */
function chainOf(final: Stage | undefined): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = final; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  return chain;
}

function lastOf(instrs: Instruction[], k: string): Instruction | undefined {
  for (let i = instrs.length - 1; i >= 0; i--) if (kwOf(instrs[i]) === k) return instrs[i];
  return undefined;
}

/** The JSON strings of an exec form with their offsets; undefined for the shell form. */
function execArgsOf(doc: DockerfileDoc, ins: Instruction, offsetOf: (p: { line: number; character: number }) => number) {
  const content = contentOf(ins)?.trim() ?? '';
  if (!content.startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(content);
    if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) return undefined;
  } catch { return undefined; }
  const js = (ins as unknown as { getJSONStrings?(): JsonString[] }).getJSONStrings?.() ?? [];
  return js.map((a) => {
    const start = offsetOf(a.getRange().start), end = offsetOf(a.getRange().end);
    // Read the source text: dockerfile-ast's getValue() drops the spaces inside a JSON string.
    const src = doc.text.slice(start, end);
    let value: string;
    try { value = JSON.parse(src); } catch { value = src.replace(/^"|"$/g, ''); }
    return { value, start, end };
  });
}

function build(doc: DockerfileDoc): ImageModel {
  const offsetOf = (p: { line: number; character: number }) => doc.doc.offsetAt(p);
  const escape = doc.ast.getEscapeCharacter();
  const { stages, vars, workdirs } = new StageScanner().scan(doc.ast.getInstructions());
  const final = stages[stages.length - 1];
  const chain = chainOf(final);
  const instrs = chain.flatMap((s) => s.instrs);
  const cleanCache = new Map<Instruction, CleanText>();
  const model: ImageModel = {
    doc, stages, final, chain, instrs,
    baseImage: chain[0]?.image,
    varsAt: (i) => vars.get(i) ?? new Map(),
    workdirAt: (i) => workdirs.get(i) ?? '/',
    copies: [],
    allCopies: [],
    cmd: lastOf(instrs, 'CMD'),
    entrypoint: lastOf(instrs, 'ENTRYPOINT'),
    offsetOf,
    clean(ins) {
      let c = cleanCache.get(ins);
      if (!c) { c = cleanText(doc.text, ins, offsetOf, escape); cleanCache.set(ins, c); }
      return c;
    },
    execArgs: (ins) => execArgsOf(doc, ins, offsetOf),
  };
  // ENTRYPOINT set after the last CMD (in a later stage) resets the inherited CMD, as Docker does.
  if (model.cmd && model.entrypoint) {
    const sCmd = chain.findIndex((s) => s.instrs.includes(model.cmd!));
    const sEp = chain.findIndex((s) => s.instrs.includes(model.entrypoint!));
    if (sEp > sCmd) model.cmd = undefined;
  }
  for (const s of stages) for (const ins of s.instrs) {
    const kw = kwOf(ins);
    if (kw !== 'COPY' && kw !== 'ADD') continue;
    const op = copyOp(model, ins);
    if (!op) continue;
    model.allCopies.push(op);
    if (chain.includes(s)) model.copies.push(op);
  }
  return model;
}

function unquote(v: string): string {
  if (v.length >= 2 && ((v[0] === '"' && v.endsWith('"')) || (v[0] === "'" && v.endsWith("'")))) return v.slice(1, -1);
  return v.replace(/\\(.)/g, '$1');
}

function argPairs(ins: Instruction): [string, string | undefined][] {
  const out: [string, string | undefined][] = [];
  for (const a of argsOf(ins)) {
    const v = a.getValue();
    const eq = v.indexOf('=');
    if (eq < 0) out.push([v, undefined]);
    else out.push([v.slice(0, eq), unquote(v.slice(eq + 1))]);
  }
  return out;
}

function cleanText(text: string, ins: Instruction, offsetOf: (p: { line: number; character: number }) => number, escape: string): CleanText {
  const r = ins.getArgumentsRange();
  if (!r) return { text: '', map: [], end: offsetOf(ins.getRange().end) };
  const s = offsetOf(r.start), e = offsetOf(ins.getRange().end);
  let out = '';
  const map: number[] = [];
  let i = s;
  while (i < e) {
    const c = text[i];
    if (c === escape) {
      // escape + optional blanks + newline = line continuation; then skip comment lines inside it.
      let j = i + 1;
      while (j < e && (text[j] === ' ' || text[j] === '\t' || text[j] === '\r')) j++;
      if (text[j] === '\n') {
        i = j + 1;
        for (;;) {
          let k = i;
          while (k < e && (text[k] === ' ' || text[k] === '\t')) k++;
          if (text[k] !== '#') break;
          while (k < e && text[k] !== '\n') k++;
          i = k + 1;
        }
        out += ' ';
        map.push(j);
        continue;
      }
    }
    out += c;
    map.push(i);
    i++;
  }
  return { text: out, map, end: e };
}

/** Maps a clean-text span back to file offsets. */
export function mapSpan(c: CleanText, start: number, end: number): { start: number; end: number } {
  const s = c.map[start] ?? c.end;
  const e = end > start ? (c.map[end - 1] ?? c.end - 1) + 1 : s;
  return { start: s, end: e };
}

function copyOp(m: ImageModel, ins: Instruction): CopyOp | undefined {
  const flags = (ins as unknown as { getFlags(): { getName(): string }[] }).getFlags?.() ?? [];
  const fromStage = flags.some((f) => f.getName() === 'from');
  const heredocs = (ins as unknown as { getHeredocs?(): Heredoc[] }).getHeredocs?.() ?? [];
  const vars = m.varsAt(ins);
  let words = m.execArgs(ins);
  if (!words) {
    // Shell-like form: arguments after flags; heredoc bodies are not arguments.
    const hdLines = new Set<number>();
    for (const h of heredocs) {
      const cr = h.getContentRange(), er = h.getDelimiterRange();
      if (cr) for (let l = cr.start.line; l <= cr.end.line; l++) hdLines.add(l);
      if (er) hdLines.add(er.start.line);
    }
    words = argsOf(ins)
      .filter((a) => !hdLines.has(a.getRange().start.line))
      .map((a) => ({ value: a.getValue(), start: m.offsetOf(a.getRange().start), end: m.offsetOf(a.getRange().end) }));
  }
  if (words.length < 2) return undefined;
  const exp = words.map((w) => ({ ...w, value: expandVars(w.value, vars).value }));
  const destRaw = exp[exp.length - 1].value;
  const sources = exp.slice(0, -1);
  const wd = m.workdirAt(ins);
  const destAbs = path.posix.resolve(wd, destRaw || '.');
  const destIsDir = destRaw.endsWith('/') || sources.length > 1 || destRaw === '.' || destRaw === './';
  return { instr: ins, sources, dest: destRaw, destAbs, destIsDir, fromStage, heredocs };
}

// dockerfile-ast recomputes arguments, properties and keywords on every call (it re-reads the text); the rules ask
// for them many times per check, so they are memoised per instruction object (a new parse makes new objects).
interface PropLike {
  getName(): string;
  getValue(): string | null;
  getNameRange(): import('vscode-languageserver-types').Range;
  getRange(): import('vscode-languageserver-types').Range;
}
const memo = <T>(f: (i: Instruction) => T) => {
  const m = new WeakMap<Instruction, T>();
  return (i: Instruction): T => {
    if (m.has(i)) return m.get(i)!;
    const v = f(i);
    m.set(i, v);
    return v;
  };
};
export const kwOf = memo((i) => i.getKeyword());
export const argsOf = memo((i) => i.getArguments());
export const propsOf = memo((i): PropLike[] => (i as unknown as { getProperties?(): PropLike[] }).getProperties?.() ?? []);
export const contentOf = memo((i) => i.getArgumentsContent() ?? '');
export const rawContentOf = memo((i) => i.getRawArgumentsContent() ?? '');
