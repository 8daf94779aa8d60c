// The build context of a model folder: which files exist, which .dockerignore excludes, and which context file
// ends up at a given path in the image (following COPY/ADD, including heredoc COPYs).
import * as path from 'node:path';
import ignore from '@balena/dockerignore';
import picomatch from 'picomatch';
import type { FileSource } from '../types';
import type { ImageModel, CopyOp } from './image';
import { kwOf, rawContentOf } from './image';

const SKIP = new Set(['node_modules', '.git', '__pycache__', '.venv', 'venv', '.idea', '.vscode']);
const MAX_LIST = 3000;

export interface BuildContext {
  dir: string;
  files: FileSource;
  /** True when .dockerignore (or <Dockerfile>.dockerignore) excludes this context-relative path. */
  isIgnored(rel: string): boolean;
  ignoreFile?: string;
  /** True when a `!` exception of the ignore file re-includes something under `rel` (Docker then sends it). */
  reincludes(rel: string): boolean;
  read(rel: string): string | undefined;
  exists(rel: string): boolean;
  isDir(rel: string): boolean;
  /** Context-relative file paths (bounded walk); `complete` false when the bound was hit. */
  list(): { files: string[]; complete: boolean };
}

type Ign = ReturnType<typeof ignore>;
const ignoreCache = new Map<string, Ign>();

function ignoreFor(text: string): Ign {
  let ig = ignoreCache.get(text);
  if (!ig) {
    if (ignoreCache.size > 100) ignoreCache.clear();
    ig = ignore().add(text.split(/\r?\n/));
    ignoreCache.set(text, ig);
  }
  return ig;
}

export function buildContext(dir: string, files: FileSource, dockerfilePath?: string): BuildContext {
  const candidates = [dockerfilePath ? dockerfilePath + '.dockerignore' : '', path.join(dir, '.dockerignore')].filter(Boolean);
  let ig: Ign | undefined;
  let ignoreFile: string | undefined;
  let negations: string[] = [];
  for (const c of candidates) {
    const t = files.readText(c);
    if (t !== undefined) {
      ig = ignoreFor(t);
      ignoreFile = c;
      negations = t.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.startsWith('!')).map((l) => normRel(l.slice(1)));
      break;
    }
  }
  const abs = (rel: string) => path.join(dir, rel);
  let listing: { files: string[]; complete: boolean } | undefined;
  const texts = new Map<string, string | undefined>();
  return {
    dir, files, ignoreFile,
    isIgnored: (rel) => {
      const r = normRel(rel);
      if (!ig || r === '' || r === '.') return false;
      try {
        return ig.ignores(r);
      } catch {
        // @balena/dockerignore turns patterns into regexps without escaping ( ) + | { }: such a pattern
        // throws when first matched. Docker cannot use it either; treat it as excluding nothing.
        return false;
      }
    },
    reincludes: (rel) => {
      const r = normRel(rel);
      return negations.some((n) => n.startsWith(r + '/') || /[*?[]/.test(n));
    },
    read(rel) {
      const r = normRel(rel);
      if (!texts.has(r)) texts.set(r, files.readText(abs(r)));
      return texts.get(r);
    },
    exists: (rel) => normRel(rel) === '' || files.exists(abs(normRel(rel))),
    isDir: (rel) => normRel(rel) === '' || files.isDirectory(abs(normRel(rel))),
    list() {
      if (listing) return listing;
      const out: string[] = [];
      let complete = true;
      const walk = (rel: string) => {
        for (const name of files.listDir(abs(rel))) {
          if (out.length >= MAX_LIST) { complete = false; return; }
          const r = rel ? rel + '/' + name : name;
          if (files.isDirectory(abs(r))) { if (!SKIP.has(name)) walk(r); } else out.push(r);
        }
      };
      walk('');
      listing = { files: out, complete };
      return listing;
    },
  };
}

/** Context-relative, forward slashes, no leading ./ or /. */
export function normRel(p: string): string {
  const n = path.posix.normalize(p.replace(/\\/g, '/')).replace(/^\/+/, '');
  return n === '.' ? '' : n.replace(/\/+$/, '');
}

export const isUrl = (s: string) => /^(https?|git|ssh):\/\/|^git@/.test(s);
export const hasGlob = (s: string) => /[*?[]/.test(s);

export type Resolved =
  | { kind: 'file'; rel: string; file: string; text: string }
  | { kind: 'heredoc'; text: string; base: number; op: CopyOp };

/** The context file (or heredoc) that provides `containerPath` in the image, when COPY/ADD put it there. */
export function resolveInImage(m: ImageModel, bc: BuildContext, containerPath: string): Resolved | undefined {
  const p = path.posix.normalize(containerPath);
  for (let i = m.copies.length - 1; i >= 0; i--) {
    const op = m.copies[i];
    if (op.fromStage) continue;
    for (const h of op.heredocs) {
      const target = op.destIsDir || op.sources.length > 1 ? path.posix.join(op.destAbs, h.getName()) : op.destAbs;
      const cr = h.getContentRange();
      if (target === p && cr) {
        const s = m.offsetOf(cr.start), e = m.offsetOf(cr.end);
        return { kind: 'heredoc', text: m.doc.text.slice(s, e), base: s, op };
      }
    }
    for (const src of op.sources) {
      if (isUrl(src.value) || src.value.startsWith('<<')) continue;
      const rel = normRel(src.value);
      let candidate: string | undefined;
      if (hasGlob(rel)) {
        const under = p.startsWith(op.destAbs + '/') ? p.slice(op.destAbs.length + 1) : undefined;
        if (under && !under.includes('/') && picomatch(path.posix.basename(rel))(under)) candidate = path.posix.join(path.posix.dirname(rel), under);
      } else if (bc.isDir(rel)) {
        if (p === op.destAbs) continue;
        const root = op.destAbs === '/';
        if (p.startsWith(root ? '/' : op.destAbs + '/')) candidate = path.posix.join(rel, p.slice(root ? 1 : op.destAbs.length + 1));
      } else if (op.destIsDir) {
        if (p === path.posix.join(op.destAbs, path.posix.basename(rel))) candidate = rel;
      } else if (p === op.destAbs) candidate = rel;
      if (candidate === undefined) continue;
      candidate = normRel(candidate);
      if (bc.isIgnored(candidate)) continue;
      const text = bc.read(candidate);
      if (text !== undefined) return { kind: 'file', rel: candidate, file: path.join(bc.dir, candidate), text };
    }
  }
  return undefined;
}

/** True when something in the image build (COPY, ADD, or a RUN mentioning the path) may provide `containerPath`. */
export function mayProvide(m: ImageModel, containerPath: string): boolean {
  for (const op of m.copies) {
    if (op.fromStage && (op.destAbs === containerPath || containerPath.startsWith(op.destAbs + '/'))) return true;
  }
  for (const ins of m.instrs) if (kwOf(ins) === 'RUN' && (rawContentOf(ins)).includes(containerPath)) return true;
  return false;
}
