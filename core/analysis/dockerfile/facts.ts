// What the Dockerfile rules share: the image model, build context, start command and servers, computed once
// per check, plus helpers that turn file offsets into findings and fixes.
import type { Instruction } from 'dockerfile-ast';
import type { Fix, Localized, RawFinding, Range, Related } from '../../types';
import type { ProjectContext } from '../../context';
import { textModel, type TextModel } from '../../parse/text';
import { imageModel, type ImageModel } from '../image';
import { buildContext, type BuildContext } from '../context';
import { startup, type Loc, type Startup } from '../entry';
import { listensOf, type Listen } from '../servers';
import { serviceKind, type ServiceDecision } from '../service';

export interface Facts {
  m: ImageModel;
  bc: BuildContext;
  start: Startup;
  listens: Listen[];
  service: ServiceDecision;
  file: string;
}

const cache = new WeakMap<ProjectContext, Facts | null>();

/** True when the file is so broken that MA200 alone is reported (unreadable, or no FROM). */
function fatallyBroken(ctx: ProjectContext): boolean {
  const d = ctx.dockerfile;
  return !!d && (!!d.unreadable || d.ast.getFROMs().length === 0);
}

/** undefined when there is no usable Dockerfile (no file, unreadable, or no FROM: MA200 says so). */
export function facts(ctx: ProjectContext): Facts | undefined {
  if (cache.has(ctx)) return cache.get(ctx) ?? undefined;
  let f: Facts | null = null;
  const d = ctx.dockerfile;
  if (d && !fatallyBroken(ctx)) {
    const m = imageModel(d);
    const bc = buildContext(ctx.folder.dir, ctx.files, d.file);
    const start = startup(m, bc);
    const listens = start.steps.flatMap((s) => listensOf(s, m, bc));
    f = { m, bc, start, listens, service: serviceKind(m, ctx.opts), file: d.file };
  }
  cache.set(ctx, f);
  return f ?? undefined;
}

const models = new Map<string, TextModel>();
/** Range of a location in any file (the Dockerfile's own model, or a cached model of the other file's text). */
export function rangeOfLoc(ctx: ProjectContext, loc: Loc): Range {
  const d = ctx.dockerfile;
  if (d && loc.file === d.file) return d.rangeOf(loc.start, loc.end - loc.start);
  const key = loc.file + '\0' + loc.text.length;
  let tm = models.get(key);
  if (!tm || tm.text !== loc.text) {
    if (models.size > 100) models.clear();
    tm = textModel(loc.file, loc.text);
    models.set(key, tm);
  }
  return tm.rangeOf(loc.start, loc.end - loc.start);
}

export const keywordRange = (ins: Instruction): Range => ins.getInstructionRange();
export const argsRange = (ins: Instruction): Range => {
  const rs = ins.getArgumentsRanges();
  return rs.length ? { start: rs[0].start, end: rs[rs.length - 1].end } : ins.getInstructionRange();
};

export function find(ctx: ProjectContext, code: string, range: Range, message: Localized, extra: Partial<RawFinding> = {}): RawFinding {
  return { code, message, file: ctx.dockerfile!.file, range, ...extra };
}

export const fix = (title: Localized, edits: Fix['edits'], isPreferred = false): Fix => ({ title, edits, isPreferred });

/**
 * Range on the Dockerfile for a location that may be in another file: then the start command's arguments, with the
 * location as related information (`message` says what happens there).
 */
export function anchor(ctx: ProjectContext, f: Facts, loc: Loc, message: Localized): { range: Range; related?: Related[] } {
  if (loc.file === f.file) return { range: rangeOfLoc(ctx, loc) };
  return { range: argsRange(f.start.anchor!), related: [{ file: loc.file, range: rangeOfLoc(ctx, loc), message }] };
}

/**
 * Inserts a new line before the instruction at `line`, above the comment lines directly over it: those are its
 * pragmas (`# modelarts-ignore MA202`), and a line put between them and the instruction would unhook them.
 */
export function insertLine(ctx: ProjectContext, line: number, text: string): Fix['edits'][number] {
  const lines = ctx.dockerfile!.text.split('\n');
  const directive = (l: number) => ctx.dockerfile!.ast.getDirectives().some((d) => d.getRange().start.line === l);
  while (line > 0 && /^\s*#/.test(lines[line - 1]) && !directive(line - 1)) line--;
  return { file: ctx.dockerfile!.file, range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: text + '\n' };
}

/** Where a location is, for messages: `run.sh:3` or `Dockerfile:12`. */
export function where(ctx: ProjectContext, loc: Loc): string {
  const r = rangeOfLoc(ctx, loc);
  return `${loc.file.replace(/^.*[\\/]/, '')}:${r.start.line + 1}`;
}

/** Inserts `text` as a new line right after an instruction (safe at the end of a file without a final newline). */
export function insertAfter(ctx: ProjectContext, ins: Instruction, text: string): Fix['edits'][number] {
  const end = ins.getRange().end;
  return { file: ctx.dockerfile!.file, range: { start: end, end }, newText: '\n' + text };
}
