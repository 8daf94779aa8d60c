// The config.json rules (MA100..MA119). One entry runs the syntax pass, the hand-written rules and the schema
// pass together, so one problem gives one finding.
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { Rule, ProjectContext } from '../context';
import { syntaxFindings, unreadableFinding, isBroken } from './syntax';
import { semanticFindings } from './semantic';
import { schemaFindings } from './schemaFindings';
import { nonObjectRootFinding } from './root';
import { trustedFindings } from './trust';
import { coded, isolated } from '../isolate';

export function checkConfig(ctx: ProjectContext): RawFinding[] {
  const doc = ctx.config;
  if (!doc) return [];
  if (doc.unreadable) return [unreadableFinding(doc)];
  // Each pass runs in its own try/catch (one pass's bug hides neither the others nor the folder's other rules).
  const out = isolated('MA100 (syntax)', ctx, () => syntaxFindings(doc));
  if (!doc.root) return out;
  if (doc.root.type !== 'object') {
    // Broken and not an object: what it was meant to be is a guess; the syntax findings say enough.
    if (!isBroken(doc)) out.push(nonObjectRootFinding(doc, doc.root));
    return out;
  }
  const claimed = new Set<string>();
  const rest = [
    ...isolated('MA104-MA118 (config semantics)', ctx, () => semanticFindings(doc, claimed)),
    ...isolated('MA101-MA119 (config schema)', ctx, () => schemaFindings(doc, claimed)),
  ];
  const kept = isBroken(doc) ? trustedFindings(doc, rest) : rest;
  return out.concat(ctx.opts.profile === 'current' ? kept.map((f) => httpsHealthToday(doc, f)) : kept);
}

/**
 * The config-file spec allows only "http" for health.protocol (spec digest §1.6), but today's platform probes over
 * the container's own protocol, HTTPS included (§1.6 S11, §2.3): under `current` an "https" health check is no
 * refusal, only a warning to keep it equal to what the container serves.
 */
function httpsHealthToday(doc: NonNullable<ProjectContext['config']>, f: RawFinding): RawFinding {
  const v = (doc.value as { health?: { protocol?: unknown } }).health?.protocol;
  if (f.code !== 'MA111' || typeof v !== 'string' || v.toLowerCase() !== 'https' || !/^health\.protocol is /.test(f.message.en)) return f;
  return {
    ...f,
    severity: 'warning',
    message: L(`health.protocol is "${v}": the config-file spec allows only "http", but today's ModelArts probes over the container's protocol. Keep "https" only if the container serves HTTPS on its port; otherwise write "http".`,
      `health.protocol 为 "${v}"：配置文件规范只允许 "http"，但当前的 ModelArts 按容器协议进行探测。仅当容器在其端口上提供 HTTPS 时保留 "https"，否则请写 "http"。`),
  };
}

/** The config rules, in code order. */
export const configRules: Rule[] = [coded('MA1xx', checkConfig)];
