// The pure entry the server and the CLI share: model folders in, findings out.
import * as path from 'node:path';
import type { CheckOptions, FileSource, Finding, RawFinding } from './types';
import { defaultOptions } from './types';
import { diskFiles } from './files';
import { findModelFolders, type ModelFolder } from './folders';
import { parseConfig, parseDeploy, type ConfigDoc } from './parse/config';
import { deploymentOf, deployValueOf } from './deployment';
import { parseDockerfile, type DockerfileDoc } from './parse/dockerfile';
import type { ProjectContext, Rule } from './context';
import { configRules } from './rules/config';
import { deployRules } from './rules/deploy';
import { dockerfileRules } from './rules/dockerfile';
import { projectRules } from './rules/project';
import { resolveSeverity } from './rules/catalogue';
import { isSuppressed } from './rules/suppression';
import { runIsolated } from './rules/isolate';

// Read the registries on each check (four small arrays) so every family's current list is what runs.
const allRules = (): Rule[] => [...configRules, ...deployRules, ...dockerfileRules, ...projectRules];

/** Parses cache: re-checking a folder after an edit of one file re-parses only that file. */
export interface ParseCache {
  config(file: string, text: string): ConfigDoc;
  dockerfile(file: string, text: string): DockerfileDoc;
  deploy(file: string, text: string): ConfigDoc;
}

export function createParseCache(): ParseCache {
  const configs = new Map<string, ConfigDoc>();
  const dockerfiles = new Map<string, DockerfileDoc>();
  const deploys = new Map<string, ConfigDoc>();
  const get = <T extends { text: string }>(m: Map<string, T>, file: string, text: string, parse: (f: string, t: string) => T): T => {
    const hit = m.get(file);
    if (hit && hit.text === text) return hit;
    const doc = parse(file, text);
    m.set(file, doc);
    return doc;
  };
  return {
    config: (f, t) => get(configs, f, t, parseConfig),
    dockerfile: (f, t) => get(dockerfiles, f, t, parseDockerfile),
    deploy: (f, t) => get(deploys, f, t, parseDeploy),
  };
}

export function contextFor(folder: ModelFolder, opts: CheckOptions, files: FileSource, cache?: ParseCache): ProjectContext {
  const read = <T>(file: string | undefined, parse: (f: string, t: string) => T): T | undefined => {
    const text = file !== undefined ? files.readText(file) : undefined;
    return file !== undefined && text !== undefined ? parse(file, text) : undefined;
  };
  const config = read(folder.configPath, cache?.config ?? parseConfig);
  const dockerfile = read(folder.dockerfilePath, cache?.dockerfile ?? parseDockerfile);
  const deploy = read(folder.deployPath, cache?.deploy ?? parseDeploy);
  const deployment = deploymentOf(deployValueOf(deploy), config?.value, opts.profile, { port: opts.port });
  return { folder, opts, files, config, dockerfile, deploy, deployment };
}

/** Runs every rule on one model folder; severities, settings and suppressions applied. */
export function checkModelFolder(folder: ModelFolder, opts: CheckOptions = defaultOptions(), files: FileSource = diskFiles, cache?: ParseCache): Finding[] {
  const ctx = contextFor(folder, opts, files, cache);
  const raw: RawFinding[] = [];
  // One rule's bug must not hide every other finding of the folder: each runs alone, a throw is reported under
  // the rule's code (process warning: stderr in the CLI) and the others go on.
  for (const rule of allRules()) raw.push(...runIsolated(rule, ctx));
  return finalize(raw, ctx);
}

export function finalize(raw: RawFinding[], ctx: ProjectContext): Finding[] {
  const out: Finding[] = [];
  for (const f of raw) {
    const severity = resolveSeverity(f.code, ctx.opts.profile, ctx.opts.rules, f.severity);
    if (!severity || isSuppressed(f, ctx)) continue;
    out.push({ ...f, severity });
  }
  return sortFindings(out);
}

function sortFindings(fs: Finding[]): Finding[] {
  return fs.sort((a, b) =>
    a.file.localeCompare(b.file) || a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character ||
    a.code.localeCompare(b.code));
}

/** CLI entry: files or folders in, every model folder found checked. */
export function checkPaths(
  paths: string[], opts: CheckOptions = defaultOptions(), files: FileSource = diskFiles,
): { folders: ModelFolder[]; findings: Finding[] } {
  const folders = findModelFolders(paths.map((p) => path.resolve(p)), files, opts);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const folder of folders) {
    for (const f of checkModelFolder(folder, opts, files)) {
      // A config shared by two Dockerfiles is checked twice: report each finding once.
      const key = `${f.file}:${f.code}:${f.range.start.line}:${f.range.start.character}:${f.message.en}`;
      if (!seen.has(key)) {
        seen.add(key);
        findings.push(f);
      }
    }
  }
  return { folders, findings: sortFindings(findings) };
}
