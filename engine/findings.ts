// MA4xx findings in the shape of the static checks (core/types.ts), pointing at the config.json node
// or Dockerfile instruction the problem comes from, so editors and `--format json` place them like any other.
import * as fs from 'node:fs';
import type { Finding, Localized, Range, Severity, SeveritySetting, Profile } from '../core/types';
import { resolveSeverity, ruleMeta } from '../core/rules/catalogue';
import { parseConfig, parseDeploy, type ConfigDoc } from '../core/parse/config';
import { parseDockerfile, type DockerfileDoc } from '../core/parse/dockerfile';

export interface Anchors {
  configPath?: string;
  dockerfilePath?: string;
  folder: string;
  config?: ConfigDoc;
  dockerfile?: DockerfileDoc;
  deployPath?: string;
  deploy?: ConfigDoc;
}

export function loadAnchors(folder: string, configPath?: string, dockerfilePath?: string, deployPath?: string): Anchors {
  const read = (p?: string) => {
    try {
      return p ? fs.readFileSync(p, 'utf8') : undefined;
    } catch {
      return undefined;
    }
  };
  const ct = read(configPath);
  const dt = read(dockerfilePath);
  const pt = read(deployPath);
  return {
    folder,
    configPath,
    dockerfilePath,
    config: configPath && ct !== undefined ? parseConfig(configPath, ct) : undefined,
    dockerfile: dockerfilePath && dt !== undefined ? parseDockerfile(dockerfilePath, dt) : undefined,
    deployPath: pt !== undefined ? deployPath : undefined,
    deploy: deployPath && pt !== undefined ? parseDeploy(deployPath, pt) : undefined,
  };
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export type Where = { config: (string | number)[] } | { deploy: (string | number)[] } | { dockerfile: 'CMD' | 'FROM' | 'EXPOSE' }
  | { dockerfileRange: Range } | 'folder';

/** The key of the node at `at` in a JSON file (its value when it has no key), else its nearest parent's, else the start. */
function jsonSpot(doc: ConfigDoc, file: string, at: (string | number)[]): { file: string; range: Range } {
  // A key the file leaves out (a probe's default url): the nearest node it has, such as the probe itself.
  let node = doc.nodeAt(at);
  for (let n = at.length - 1; !node && n > 0; n--) node = doc.nodeAt(at.slice(0, n));
  const target = node?.parent?.type === 'property' ? node.parent.children?.[0] ?? node : node;
  return { file, range: target ? doc.rangeOf(target.offset, target.length) : ZERO };
}

/**
 * The file and range for a finding: the named config.json or deployment file node (its key), else the Dockerfile
 * instruction, else the file start.
 */
function locate(a: Anchors, where: Where): { file: string; range: Range } {
  if (typeof where === 'object' && 'config' in where && a.config && a.configPath) return jsonSpot(a.config, a.configPath, where.config);
  if (typeof where === 'object' && 'deploy' in where && a.deploy && a.deployPath) return jsonSpot(a.deploy, a.deployPath, where.deploy);
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
