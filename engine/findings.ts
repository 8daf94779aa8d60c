// MA4xx findings in the shape of the static checks (core/types.ts), pointing at the config.json node
// or Dockerfile instruction the problem comes from, so editors and `--format json` place them like any other.
import * as fs from 'node:fs';
import type { Finding, Localized, Range, Severity, SeveritySetting, Profile } from '../core/types';
import { resolveSeverity, ruleMeta } from '../core/rules/catalogue';
import { parseConfig, type ConfigDoc } from '../core/parse/config';
import { parseDockerfile, type DockerfileDoc } from '../core/parse/dockerfile';

export interface Anchors {
  configPath?: string;
  dockerfilePath?: string;
  folder: string;
  config?: ConfigDoc;
  dockerfile?: DockerfileDoc;
}

export function loadAnchors(folder: string, configPath?: string, dockerfilePath?: string): Anchors {
  const read = (p?: string) => {
    try {
      return p ? fs.readFileSync(p, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  const ct = read(configPath);
  const dt = read(dockerfilePath);
  return {
    folder,
    configPath,
    dockerfilePath,
    config: configPath && ct !== undefined ? parseConfig(configPath, ct) : undefined,
    dockerfile: dockerfilePath && dt !== undefined ? parseDockerfile(dockerfilePath, dt) : undefined,
  };
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export type Where = { config: (string | number)[] } | { dockerfile: 'CMD' | 'FROM' | 'EXPOSE' } | { dockerfileRange: Range } | 'folder';

/** The file and range for a finding: the named config node (its key), else the Dockerfile instruction, else the file start. */
function locate(a: Anchors, where: Where): { file: string; range: Range } {
  if (typeof where === 'object' && 'config' in where && a.config && a.configPath) {
    const node = a.config.nodeAt(where.config);
    const target = node?.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node;
    if (target) return { file: a.configPath, range: a.config.rangeOf(target.offset, target.length) };
    return { file: a.configPath, range: ZERO };
  }
  if (typeof where === 'object' && 'dockerfileRange' in where && a.dockerfilePath) return { file: a.dockerfilePath, range: where.dockerfileRange };
  if (a.dockerfile && a.dockerfilePath) {
    const kw = typeof where === 'object' && 'dockerfile' in where ? where.dockerfile : 'CMD';
    const ins = a.dockerfile.ast.getInstructions();
    const last = (k: string) => [...ins].reverse().find((i) => i.getKeyword() === k);
    const pick = last(kw) ?? (kw === 'CMD' ? last('ENTRYPOINT') : undefined);
    if (pick) return { file: a.dockerfilePath, range: pick.getRange() };
    return { file: a.dockerfilePath, range: ZERO };
  }
  if (a.configPath) return { file: a.configPath, range: ZERO };
  return { file: a.folder, range: ZERO };
}

/**
 * An MA4xx finding: `message.zh` is the detail after the rule's Chinese title. Severity as for the static checks
 * (core's resolveSeverity; `own`: a softer one for a note of the code, as MA411's 8 MB); undefined when `rules` turns the code off.
 */
export function finding(
  a: Anchors, code: string, where: Where, message: Localized, profile: Profile, rules: Record<string, SeveritySetting> = {}, own?: Severity,
): Finding | undefined {
  const severity = resolveSeverity(code, profile, rules, own);
  if (!severity) return undefined;
  const title = ruleMeta(code)?.title;
  return { code, message: { en: message.en, zh: `${title?.zh ?? code}：${message.zh}` }, severity, ...locate(a, where) };
}
