// MA303: HEALTHCHECK probes another path or port than config.json. Page: docs/rules/MA303.md
import { rangeOfNode } from '../../analysis/config/paths';
import type { Fix, Localized, RawFinding, Range, Related } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import { kwOf, contentOf } from '../../analysis/image';
import { facts, type Facts } from '../../analysis/dockerfile/facts';

const messages = {
  otherPort: (port: string) => L(
    `HEALTHCHECK probes port ${port}; the service listens on 8080, where ModelArts probes health.`,
    `HEALTHCHECK 探测的是 ${port} 端口；服务监听在 8080，ModelArts 也在 8080 上探测健康状态。`),
  portFix: L('Probe port 8080', '改为探测 8080 端口'),
  otherPath: (probed: string, healthUrl: string) => L(
    `HEALTHCHECK probes ${probed} but config.json's health.url is ${healthUrl}: the two checks disagree. Probe ${healthUrl}.`,
    `HEALTHCHECK 探测 ${probed}，而 config.json 的 health.url 是 ${healthUrl}：两处健康检查不一致。请探测 ${healthUrl}。`),
  pathFix: (healthUrl: string) => L(`Probe ${healthUrl}`, `改为探测 ${healthUrl}`),
  healthUrl: L('health.url in config.json', 'config.json 中的 health.url'),
};

const PROBE_URL = /\bhttps?:\/\/(\[[^\]]+\]|[^/:\s'"]+)(?::(\d+|\$\{?\w+\}?))?(\/[^\s'"|;&)]*)?/;

/** The url the last HEALTHCHECK probes, with a range maker over its characters. */
interface Probe { u: RegExpExecArray; at: (s: number, len: number) => Range }

function probe(ctx: ProjectContext, f: Facts): Probe | undefined {
  const hc = f.m.instrs.filter((i) => kwOf(i) === 'HEALTHCHECK').pop();
  if (!hc || /^\s*NONE\b/i.test(contentOf(hc))) return undefined;
  const start = f.m.offsetOf(hc.getRange().start), end = f.m.offsetOf(hc.getRange().end);
  // A script probe (no url) is not judged.
  const u = PROBE_URL.exec(f.m.doc.text.slice(start, end));
  return u ? { u, at: (s, len) => ctx.dockerfile!.rangeOf(start + u.index + s, len) } : undefined;
}

function finding(f: Facts, range: Range, message: Localized, related: Related[] | undefined, fix?: { title: Localized; newText: string }): RawFinding {
  const fixes: Fix[] | undefined = fix ? [{ title: fix.title, edits: [{ file: f.file, range, newText: fix.newText }], isPreferred: true }] : undefined;
  return { code: 'MA303', file: f.file, range, related, message, fixes };
}

/** A port other than 8080 (80 / 443 when the url has none); the fix only when the port is written. */
function port(f: Facts, { u, at }: Probe, related: Related[] | undefined): RawFinding | undefined {
  const p = u[2] ?? (u[0].startsWith('https') ? '443' : '80');
  if (!/^\d+$/.test(p) || p === '8080') return undefined;
  const range = u[2] ? at(u[0].indexOf(':' + u[2], 8) + 1, u[2].length) : at(0, u[0].length);
  return finding(f, range, messages.otherPort(p), related, u[2] ? { title: messages.portFix, newText: '8080' } : undefined);
}

function healthPath(f: Facts, { u, at }: Probe, related: Related[] | undefined, healthUrl: string | undefined): RawFinding | undefined {
  const p = (u[3] ?? '/').split('?')[0];
  if (!healthUrl || p === healthUrl) return undefined;
  const range = u[3] ? at(u[0].length - u[3].length, u[3].length) : at(0, u[0].length);
  return finding(f, range, messages.otherPath(p, healthUrl), related, u[3] ? { title: messages.pathFix(healthUrl), newText: healthUrl } : undefined);
}

export default defineRule({
  meta: {
    code: 'MA303',
    family: 'project',
    severity: 'info',
    title: L('HEALTHCHECK probes another path or port than config.json', 'HEALTHCHECK 探测的路径或端口与 config.json 不一致'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    const pr = f && probe(ctx, f);
    if (!f || !pr) return [];
    const node = ctx.config?.nodeAt(['health', 'url']);
    const healthUrl = typeof node?.value === 'string' ? node.value : undefined;
    const related: Related[] | undefined = node && ctx.config
      ? [{ file: ctx.config.file, range: rangeOfNode(ctx.config, node), message: messages.healthUrl }] : undefined;
    return [port(f, pr, related), healthPath(f, pr, related, healthUrl)].filter((x): x is RawFinding => !!x);
  },
});
