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

function build(doc: DockerfileDoc): ImageModel {
  const ast = doc.ast;
  const offsetOf = (p: { line: number; character: number }) => doc.doc.offsetAt(p);
  const escape = ast.getEscapeCharacter();
  const stages: Stage[] = [];
  const globalArgs = new Map<string, string>();
  const vars = new Map<Instruction, ReadonlyMap<string, string>>();
  const workdirs = new Map<Instruction, string>();
  const stageVars = new Map<Stage, { env: Map<string, string>; workdir: string }>();
  let cur: Stage | undefined;
  let env = new Map<string, string>();
  let args = new Map<string, string>();
  let workdir = '/';
  // Variables seen by an instruction: ENV wins over ARG, as in Docker. Snapshots are taken only for the
  // instructions whose arguments the rules expand, and shared while nothing changes (linear in the file).
  const live: ReadonlyMap<string, string> = { get: (k: string) => env.get(k) ?? args.get(k), has: (k: string) => env.has(k) || args.has(k) } as ReadonlyMap<string, string>;
  let shared: ReadonlyMap<string, string> | undefined;
  const snap = (): ReadonlyMap<string, string> => (shared ??= new Map([...args, ...env]));
  const needsVars = (ins: Instruction, kw: string) =>
    ['EXPOSE', 'USER', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'FROM'].includes(kw) || ((kw === 'COPY' || kw === 'ADD') && rawContentOf(ins).includes('$'));

  for (const ins of ast.getInstructions()) {
    const kw = kwOf(ins);
    if (kw === 'FROM') {
      const from = ins as From;
      const raw = from.getImage() ?? '';
      const image = expandVars(raw, globalArgs).value.toLowerCase();
      const name = from.getBuildStage()?.toLowerCase() ?? undefined;
      const parent = stages.find((s) => s.name !== undefined && s.name === image);
      cur = { from, index: stages.length, name, image, parent, instrs: [] };
      stages.push(cur);
      const inherited = parent ? stageVars.get(parent) : undefined;
      env = new Map(inherited?.env ?? []);
      args = new Map();
      shared = undefined;
      workdir = inherited?.workdir ?? '/';
      stageVars.set(cur, { env, workdir });
      continue;
    }
    if (!cur) {
      if (kw === 'ARG') for (const a of argPairs(ins)) globalArgs.set(a[0], a[1] ?? '');
      continue;
    }
    cur.instrs.push(ins);
    if (needsVars(ins, kw)) vars.set(ins, snap());
    workdirs.set(ins, workdir);
    if (kw === 'ARG') {
      const set: [string, string][] = [];
      for (const [k, v] of argPairs(ins)) {
        const val = v !== undefined ? expandVars(v, live).value : globalArgs.get(k);
        if (val !== undefined) set.push([k, val]);
      }
      for (const [k, v] of set) args.set(k, v);
      shared = undefined;
    } else if (kw === 'ENV') {
      // Values in one ENV line see the variables as they were before the line.
      const set = propsOf(ins).map((p) => [p.getName(), expandVars(unquote(p.getValue() ?? ''), live).value] as const);
      for (const [k, v] of set) env.set(k, v);
      shared = undefined;
    } else if (kw === 'WORKDIR') {
      const w = expandVars(contentOf(ins), live).value.trim();
      if (w) workdir = path.posix.resolve(workdir, w);
      stageVars.get(cur)!.workdir = workdir;
    }
  }

  const final = stages[stages.length - 1];
  const chain: Stage[] = [];
  for (let s: Stage | undefined = final; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  const instrs = chain.flatMap((s) => s.instrs);
  const lastOf = (k: string) => { for (let i = instrs.length - 1; i >= 0; i--) if (kwOf(instrs[i]) === k) return instrs[i]; return undefined; };
  const cleanCache = new Map<Instruction, CleanText>();
  const model: ImageModel = {
    doc, stages, final, chain, instrs,
    baseImage: chain[0]?.image,
    varsAt: (i) => vars.get(i) ?? new Map(),
    workdirAt: (i) => workdirs.get(i) ?? '/',
    copies: [],
    allCopies: [],
    cmd: lastOf('CMD'),
    entrypoint: lastOf('ENTRYPOINT'),
    offsetOf,
    clean(ins) {
      let c = cleanCache.get(ins);
      if (!c) { c = cleanText(doc.text, ins, offsetOf, escape); cleanCache.set(ins, c); }
      return c;
    },
    execArgs(ins) {
      const content = contentOf(ins)?.trim() ?? '';
      if (!content.startsWith('[')) return undefined;
      try {
        const parsed: unknown = JSON.parse(content);
        if (!Array.isArray(parsed) || !parsed.every((x) => typeof x === 'string')) return undefined;
      } catch { return undefined; }
      const js = (ins as unknown as { getJSONStrings?(): { getValue(): string; getJSONValue?(): string; getRange(): { start: { line: number; character: number }; end: { line: number; character: number } } }[] }).getJSONStrings?.() ?? [];
      return js.map((a) => {
        const start = offsetOf(a.getRange().start), end = offsetOf(a.getRange().end);
        // Read the source text: dockerfile-ast's getValue() drops the spaces inside a JSON string.
        const src = doc.text.slice(start, end);
        let value: string;
        try { value = JSON.parse(src); } catch { value = src.replace(/^"|"$/g, ''); }
        return { value, start, end };
      });
    },
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
interface PropLike { getName(): string; getValue(): string | null; getNameRange(): import('vscode-languageserver-types').Range; getRange(): import('vscode-languageserver-types').Range }
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
