// What the rules read from the deployment file: the schema validator's errors on it, one per value at fault (MA121,
// MA122); the service port and where it comes from (the port rules); the HTTP probe urls it sets (MA301, MA303).
import type { ErrorObject } from 'ajv';
import type { JSONPath, Node } from 'jsonc-parser';
import type { Localized } from '../types';
import { L } from '../i18n';
import type { ProjectContext } from '../context';
import type { ConfigDoc } from '../parse/config';
import { deployValueOf, type ProbeKind } from '../deployment';
import { validateDeploy } from '../schema/deploySchema';
import { pointerToPath, showPath } from './config/paths';

export interface DeployHit {
  doc: ConfigDoc;
  /** The errors on this spot (type, pattern, minimum... of one value). */
  errors: ErrorObject[];
  path: JSONPath;
  /** `probes.startup.period_seconds`. */
  where: string;
  node: Node;
  value: unknown;
}

const cache = new WeakMap<ConfigDoc, DeployHit[]>();

/** The validator's errors on the deployment file, grouped by the value they are about (none when it is unusable). */
export function deployHits(ctx: ProjectContext): DeployHit[] {
  const doc = ctx.deploy;
  const value = deployValueOf(doc);
  if (!doc || !value) return [];
  const hit = cache.get(doc);
  if (hit) return hit;
  const byPointer = new Map<string, DeployHit>();
  for (const e of validateDeploy(value)) {
    // An unknown key is about the key, not its object: its own spot.
    const pointer = e.keyword === 'additionalProperties' ? `${e.instancePath}/${String(e.params.additionalProperty)}!key` : e.instancePath;
    const prev = byPointer.get(pointer);
    if (prev) {
      prev.errors.push(e);
      continue;
    }
    const path = pointerToPath(e.instancePath, value);
    const node = doc.nodeAt(path);
    if (node) byPointer.set(pointer, { doc, errors: [e], path, where: showPath(path), node, value: (e as { data?: unknown }).data });
  }
  const out = [...byPointer.values()];
  cache.set(doc, out);
  return out;
}

/** The port ModelArts sends requests and HTTP probes to, and, when it is not plainly the default, where it comes from. */
export interface ServicePort {
  port: number;
  /** `the deployment file sets port 9000` (or why a deployment file's port does not count); undefined for a plain 8080. */
  note?: Localized;
}

export function servicePort(ctx: ProjectContext): ServicePort {
  const d = ctx.deployment;
  if (d.portFrom === 'deploy') return { port: d.port, note: L(`the deployment file sets port ${d.port}`, `部署文件设置的端口为 ${d.port}`) };
  if (d.portFrom === 'override') return { port: d.port, note: L(`port ${d.port} is set for this run`, `本次运行设置的端口为 ${d.port}`) };
  const filePort = deployValueOf(ctx.deploy)?.port;
  if (d.profile === 'seed-2021' && Number.isInteger(filePort) && filePort !== d.port) {
    return {
      port: d.port,
      note: L(`under seed-2021 it is always ${d.port}; the deployment file's port ${String(filePort)} counts under the current profile only`,
        `seed-2021 下端口固定为 ${d.port}；部署文件中的端口 ${String(filePort)} 只在 current 配置下生效`),
    };
  }
  return { port: d.port };
}

/** ` (the deployment file sets port 9000)`, or nothing: appended where a message names the port. */
export const portNote = (p: ServicePort, lang: 'en' | 'zh'): string => (p.note ? (lang === 'en' ? ` (${p.note.en})` : `（${p.note.zh}）`) : '');

/** An HTTP probe url the deployment file sets (current profile: the console's probes), with its node. */
export interface DeployProbeUrl { kind: ProbeKind; url: string; doc: ConfigDoc; node: Node; where: string }

/** The HTTP probes' urls written in the deployment file, when they count (the current profile, a usable file). */
export function deployProbeUrls(ctx: ProjectContext): DeployProbeUrl[] {
  const doc = ctx.deploy;
  if (!doc || ctx.opts.profile !== 'current' || !deployValueOf(doc)) return [];
  const out: DeployProbeUrl[] = [];
  for (const p of ctx.deployment.probes) {
    const node = p.source === 'deploy' && p.method === 'HTTP' ? doc.nodeAt(['probes', p.kind, 'url']) : undefined;
    if (node && typeof node.value === 'string' && node.value.startsWith('/')) {
      out.push({ kind: p.kind, url: node.value, doc, node, where: `probes.${p.kind}.url` });
    }
  }
  return out;
}
