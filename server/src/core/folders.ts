// Which files are ModelArts files, and how they group into model folders (DESIGN.md "Which files are ModelArts files").
import * as path from 'node:path';
import picomatch from 'picomatch';
import { parseTree } from 'jsonc-parser';
import type { CheckOptions, FileSource } from './types';

export interface ModelFolder {
  /** The build context: the Dockerfile's folder, else the config's folder. */
  dir: string;
  configPath?: string;
  dockerfilePath?: string;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '__pycache__', '.venv', 'venv', 'dist', 'build']);
const MAX_WALK_ENTRIES = 20000;

export const isDockerfileName = (name: string): boolean =>
  /^(Dockerfile|Containerfile)(\..+)?$/.test(name) || /\.(dockerfile|Dockerfile)$/.test(name);

/** True when a config.json's text has `model_type` or `apis` at its top level. */
export function isModelArtsConfigText(text: string): boolean {
  if (text.length > 5 * 1024 * 1024 || text.slice(0, 8192).includes('\u0000')) return /"(model_type|apis)"\s*:/.test(text.slice(0, 65536));
  const root = parseTree(text, [], { allowTrailingComma: true });
  if (root?.type === 'object') {
    return (root.children ?? []).some((p) => p.children?.[0] && ['model_type', 'apis'].includes(p.children[0].value));
  }
  // Broken beyond repair: fall back to the text, so a half-typed config still counts as one.
  return /"(model_type|apis)"\s*:/.test(text);
}

export function matchesConfigGlobs(file: string, opts: CheckOptions): boolean {
  if (!opts.configFiles.length) return false;
  const norm = file.split(path.sep).join('/');
  return picomatch(opts.configFiles, { dot: true, matchBase: false })(norm) ||
    opts.configFiles.some((g) => picomatch(g, { dot: true, basename: !g.includes('/') })(path.basename(file)));
}

export function isModelArtsConfig(file: string, fs: FileSource, opts: CheckOptions): boolean {
  if (matchesConfigGlobs(file, opts)) return true;
  if (path.basename(file) !== 'config.json') return false;
  const text = fs.readText(file);
  return text !== undefined && isModelArtsConfigText(text);
}

function configNear(dockerDir: string, fs: FileSource, opts: CheckOptions, stopAt?: string): string | undefined {
  // The config beside the Dockerfile, in its model/ folder (the OBS package layout), or in a parent.
  for (const c of [path.join(dockerDir, 'config.json'), path.join(dockerDir, 'model', 'config.json')]) {
    if (fs.exists(c) && isModelArtsConfig(c, fs, opts)) return c;
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

function dockerfileNear(configDir: string, fs: FileSource): string | undefined {
  const dirs = [configDir];
  if (path.basename(configDir) === 'model') dirs.push(path.dirname(configDir));
  for (const d of dirs) {
    const names = fs.listDir(d).filter(isDockerfileName).sort((a, b) => (a === 'Dockerfile' ? -1 : b === 'Dockerfile' ? 1 : a.localeCompare(b)));
    if (names.length) return path.join(d, names[0]);
  }
  return undefined;
}

/** The model folder a file belongs to, or undefined when it is no ModelArts file. */
export function folderForFile(file: string, fs: FileSource, opts: CheckOptions, root?: string): ModelFolder | undefined {
  const name = path.basename(file);
  if (isDockerfileName(name)) {
    const dir = path.dirname(file);
    const configPath = configNear(dir, fs, opts, root);
    if (configPath) return { dir, configPath, dockerfilePath: file };
    // A model folder that lost its config.json (MA304): the editor and the CLI decide it the same way.
    return isConfiglessModelFolder(dir, fs) ? { dir, dockerfilePath: file } : undefined;
  }
  if (isModelArtsConfig(file, fs, opts)) {
    const dockerfilePath = dockerfileNear(path.dirname(file), fs);
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
        } else if (isModelArtsConfig(full, fs, opts)) {
          const f = folderForFile(full, fs, opts, p);
          // A config whose Dockerfile is found is added through the Dockerfile (same key).
          add(f);
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
