// Which files are ModelArts files, and how they group into model folders (DESIGN.md "Which files are ModelArts files").
import * as path from 'node:path';
import picomatch from 'picomatch';
import { parseTree } from 'jsonc-parser';
import type { CheckOptions, FileSource } from './types';
import { unreadableReason } from './parse/config';
import { DEPLOY_FILE } from './deployment';

export interface ModelFolder {
  /** The build context: the Dockerfile's folder, else the config's folder. */
  dir: string;
  configPath?: string;
  dockerfilePath?: string;
  /** The deployment file (modelarts-deploy.json) beside config.json, else beside the Dockerfile, when there is one. */
  deployPath?: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'dist', 'build']);
const MAX_WALK_ENTRIES = 20000;

/**
 * The one decision on Dockerfile names, for every face (server, CLI, extension; package.json's `when` clauses
 * spell the same pattern, and a test holds them together): what `docker build` and Podman pick up by default
 * (`Dockerfile`, lower-case `dockerfile`, `Containerfile`) and the names people pass with `-f`
 * (`Dockerfile.*`, `Containerfile.*`, `*.Dockerfile`, `*.dockerfile`).
 */
const DOCKERFILE_NAME = /^(?:(?:Dockerfile|Containerfile)(?:\..+)?|dockerfile|.+\.[Dd]ockerfile)$/;
/** The same names as glob patterns, for file watchers and document selectors (`**\/{...}`: braces do not nest). */
export const DOCKERFILE_GLOBS = ['Dockerfile', 'dockerfile', 'Containerfile', 'Dockerfile.*', 'Containerfile.*', '*.Dockerfile', '*.dockerfile'];

export const isDockerfileName = (name: string): boolean => DOCKERFILE_NAME.test(name);

/** What a config.json's text says about being a ModelArts config. */
export type ConfigKind = 'modelarts' | 'other-object' | 'not-object';

/**
 * The last answers by text: every check of a Dockerfile asks again about the config.json beside it, whose text
 * rarely changed (a parse of the whole config per keystroke in the Dockerfile, bench: didChange -> publish).
 */
const kinds = new Map<string, ConfigKind>();
const KIND_MEMO_MAX_CHARS = 256 * 1024;

/**
 * `modelarts`: `model_type` or `apis` at its top level (also a broken text that mentions them). `other-object`: an
 * object without them (another tool's config.json). `not-object`: an array, a scalar, empty, or unparsable.
 */
export function configKind(text: string): ConfigKind {
  if (text.length > KIND_MEMO_MAX_CHARS) return kindOf(text);
  let kind = kinds.get(text);
  if (kind === undefined) {
    if (kinds.size >= 16) kinds.clear();
    kinds.set(text, (kind = kindOf(text)));
  }
  return kind;
}

function kindOf(text: string): ConfigKind {
  const mentions = (t: string) => /"(model_type|apis)"\s*:/.test(t);
  // Not parsed (binary, too big, not UTF-8, nested too deep): the text alone decides; parseTree would overflow.
  if (unreadableReason(text)) return mentions(text.slice(0, 65536)) ? 'modelarts' : 'not-object';
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root?.type === 'object') {
    if ((root.children ?? []).some((p) => p.children?.[0] && ['model_type', 'apis'].includes(p.children[0].value))) return 'modelarts';
  }
  // Broken beyond repair: fall back to the text, so a half-typed config still counts as one.
  if (mentions(text)) return 'modelarts';
  return root?.type === 'object' ? 'other-object' : 'not-object';
}

/** True when a config.json's text has `model_type` or `apis` at its top level. */
export const isModelArtsConfigText = (text: string): boolean => configKind(text) === 'modelarts';

export function matchesConfigGlobs(file: string, opts: CheckOptions): boolean {
  if (!opts.configFiles.length) return false;
  const norm = file.split(path.sep).join('/');
  return picomatch(opts.configFiles, { dot: true, matchBase: false })(norm) ||
    opts.configFiles.some((g) => picomatch(g, { dot: true, basename: !g.includes('/') })(path.basename(file)));
}

/**
 * A ModelArts config: by its keys or the globs, or (`besideDockerfile`) a config.json in a Dockerfile's folder
 * or its model/ folder that is not an object at all (a bare apis list, a string, broken text): no other tool's
 * config.json looks like that, so it is checked and told what is wrong (DESIGN: "then even a broken one is
 * checked"). An object without model_type/apis beside a Dockerfile stays another tool's file.
 */
export function isModelArtsConfig(file: string, fs: FileSource, opts: CheckOptions, besideDockerfile = false): boolean {
  if (matchesConfigGlobs(file, opts)) return true;
  if (path.basename(file) !== 'config.json') return false;
  const text = fs.readText(file);
  if (text === undefined) return false;
  const kind = configKind(text);
  return kind === 'modelarts' || (besideDockerfile && kind === 'not-object');
}

function configNear(dockerDir: string, fs: FileSource, opts: CheckOptions, stopAt?: string): string | undefined {
  // The config beside the Dockerfile, in its model/ folder (the OBS package layout), or in a parent.
  for (const c of [path.join(dockerDir, 'config.json'), path.join(dockerDir, 'model', 'config.json')]) {
    if (fs.exists(c) && isModelArtsConfig(c, fs, opts, true)) return c;
  }
  let dir = dockerDir;
  while (dir !== path.dirname(dir) && (!stopAt || dir !== stopAt)) {
    dir = path.dirname(dir);
    const c = path.join(dir, 'config.json');
    if (fs.exists(c) && isModelArtsConfig(c, fs, opts)) return c;
    if (stopAt === undefined) break; // without a workspace root, look one level up only
  }
  return undefined;
}

/** The name `docker build` picks by default comes first. */
const rank = (name: string): number => (name === 'Dockerfile' ? 0 : name === 'dockerfile' ? 1 : 2);

function dockerfileNear(configDir: string, fs: FileSource): string | undefined {
  const dirs = [configDir];
  if (path.basename(configDir) === 'model') dirs.push(path.dirname(configDir));
  for (const d of dirs) {
    const names = fs.listDir(d).filter(isDockerfileName).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
    if (names.length) return path.join(d, names[0]);
  }
  return undefined;
}

/** The folder's deployment file: the one beside config.json wins over the one beside the Dockerfile; undefined: none. */
export function deployFileOf(f: Pick<ModelFolder, 'dir' | 'configPath'>, fs: FileSource): string | undefined {
  const dirs = [...new Set([f.configPath ? path.dirname(f.configPath) : f.dir, f.dir])];
  return dirs.map((d) => path.join(d, DEPLOY_FILE)).find((p) => fs.exists(p) && !fs.isDirectory(p));
}

/** The folder with its deployment file. */
function withDeploy(f: ModelFolder | undefined, fs: FileSource): ModelFolder | undefined {
  if (!f) return undefined;
  const deployPath = deployFileOf(f, fs);
  return deployPath ? { ...f, deployPath } : f;
}

/**
 * A deployment file belongs to the model folder of the Dockerfile or config.json in its own folder (and only when it
 * is that folder's deployment file); alone it is no ModelArts file.
 */
function deployFolder(file: string, fs: FileSource, opts: CheckOptions, root?: string): ModelFolder | undefined {
  const dir = path.dirname(file);
  const dockerfiles = fs.listDir(dir).filter(isDockerfileName).sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const anchor = dockerfiles.length ? path.join(dir, dockerfiles[0]) : path.join(dir, 'config.json');
  if (!dockerfiles.length && !fs.exists(anchor)) return undefined;
  const f = folderForFile(anchor, fs, opts, root);
  return f?.deployPath === file ? f : undefined;
}

/** The model folder a file belongs to, or undefined when it is no ModelArts file. */
export function folderForFile(file: string, fs: FileSource, opts: CheckOptions, root?: string): ModelFolder | undefined {
  const name = path.basename(file);
  if (name === DEPLOY_FILE) return deployFolder(file, fs, opts, root);
  return withDeploy(ownFolder(file, fs, opts, root), fs);
}

function ownFolder(file: string, fs: FileSource, opts: CheckOptions, root?: string): ModelFolder | undefined {
  const name = path.basename(file);
  if (isDockerfileName(name)) {
    const dir = path.dirname(file);
    const configPath = configNear(dir, fs, opts, root);
    if (configPath) return { dir, configPath, dockerfilePath: file };
    // A model folder that lost its config.json (MA304): the editor and the CLI decide it the same way.
    return isConfiglessModelFolder(dir, fs) ? { dir, dockerfilePath: file } : undefined;
  }
  if (path.basename(file) !== 'config.json' && !matchesConfigGlobs(file, opts)) return undefined;
  const dockerfilePath = dockerfileNear(path.dirname(file), fs);
  if (isModelArtsConfig(file, fs, opts, dockerfilePath !== undefined)) {
    return { dir: dockerfilePath ? path.dirname(dockerfilePath) : path.dirname(file), configPath: file, dockerfilePath };
  }
  return undefined;
}

/** Walks folders (or takes files) and returns every model folder found, each once. */
export function findModelFolders(paths: string[], fs: FileSource, opts: CheckOptions): ModelFolder[] {
  const byKey = new Map<string, ModelFolder>();
  const add = (f: ModelFolder | undefined) => {
    if (f) byKey.set(`${f.configPath ?? ''}|${f.dockerfilePath ?? ''}`, f);
  };
  for (const p0 of paths) {
    const p = path.resolve(p0);
    if (!fs.isDirectory(p)) {
      add(folderForFile(p, fs, opts, path.dirname(p)));
      continue;
    }
    let seen = 0;
    const walk = (dir: string) => {
      for (const name of fs.listDir(dir).sort()) {
        if (++seen > MAX_WALK_ENTRIES) return;
        const full = path.join(dir, name);
        if (fs.isDirectory(full)) {
          if (!SKIP_DIRS.has(name) && !name.startsWith('.')) walk(full);
        } else if (isDockerfileName(name)) {
          add(folderForFile(full, fs, opts, p));
        } else if (name === 'config.json' || matchesConfigGlobs(full, opts)) {
          // A config whose Dockerfile is found is added through the Dockerfile (same key).
          add(folderForFile(full, fs, opts, p));
        }
      }
    };
    walk(p);
  }
  return [...byKey.values()];
}

/** A Dockerfile folder with a model/ folder, or whose Dockerfile mentions ModelArts or /home/run.sh. */
function isConfiglessModelFolder(dir: string, fs: FileSource): boolean {
  return fs.isDirectory(path.join(dir, 'model')) || looksLikeModelFolder(dir, fs);
}

/** A Dockerfile folder that mentions ModelArts in its Dockerfile is a model folder missing its config. */
function looksLikeModelFolder(dir: string, fs: FileSource): boolean {
  const names = fs.listDir(dir).filter(isDockerfileName);
  return names.some((n) => /modelarts|\/home\/run\.sh/i.test(fs.readText(path.join(dir, n))?.slice(0, 65536) ?? ''));
}
