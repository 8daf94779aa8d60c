// MA303: HEALTHCHECK probes another path or port than config.json (or the deployment file). Page: docs/rules/MA303.md
import { rangeOfNode } from '../../analysis/config/paths';
import type { Fix, Localized, RawFinding, Range, Related } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import { kwOf, contentOf } from '../../analysis/image';
import { facts, type Facts } from '../../analysis/dockerfile/facts';
import { deployProbeUrls, portNote, servicePort, type ServicePort } from '../../analysis/deploy';

const messages = {
  otherPort: (port: string, to: ServicePort) => L(
    `HEALTHCHECK probes port ${port}; the service listens on ${to.port}${portNote(to, 'en')}, where ModelArts probes health.`,
    `HEALTHCHECK 探测的是 ${port} 端口；服务监听在 ${to.port}${portNote(to, 'zh')}，ModelArts 也在 ${to.port} 上探测健康状态。`),
  portFix: (port: number) => L(`Probe port ${port}`, `改为探测 ${port} 端口`),
  otherPath: (probed: string, healthUrl: string, where: Localized) => L(
    `HEALTHCHECK probes ${probed} but ${where.en} is ${healthUrl}: the two checks disagree. Probe ${healthUrl}.`,
    `HEALTHCHECK 探测 ${probed}，而${where.zh}是 ${healthUrl}：两处健康检查不一致。请探测 ${healthUrl}。`),
  pathFix: (healthUrl: string) => L(`Probe ${healthUrl}`, `改为探测 ${healthUrl}`),
  healthUrl: L('health.url in config.json', 'config.json 中的 health.url'),
  configUrl: L('config.json\'s health.url', ' config.json 的 health.url '),
  deployUrl: (where: string) => L(`the deployment file's ${where}`, `部署文件的 ${where} `),
  deployRelated: (where: string) => L(`${where} in the deployment file`, `部署文件中的 ${where}`),
};

const PROBE_URL = /\bhttps?:\/\/(\[[^\]]+\]|[^/:\s'"]+)(?::(\d+|\$\{?\w+\}?))?(\/[^\s'"|;&)]*)?/;

/** The url the last HEALTHCHECK probes, with a range maker over its characters. */
interface Probe { u: RegExpExecArray; at: (s: number, len: number) => Range }

/** A health path the HEALTHCHECK should probe: config.json's health.url, or an HTTP probe url of the deployment file. */
interface Expected { url: string; where: Localized; related: Related }

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

/** A port other than the service port (80 / 443 when the url has none); the fix only when the port is written. */
function port(f: Facts, { u, at }: Probe, related: Related[] | undefined, to: ServicePort): RawFinding | undefined {
  const p = u[2] ?? (u[0].startsWith('https') ? '443' : '80');
  if (!/^\d+$/.test(p) || Number(p) === to.port) return undefined;
  const range = u[2] ? at(u[0].indexOf(':' + u[2], 8) + 1, u[2].length) : at(0, u[0].length);
  return finding(f, range, messages.otherPort(p, to), related, u[2] ? { title: messages.portFix(to.port), newText: String(to.port) } : undefined);
}

/** A path none of the health urls is; told against the first of them (the deployment file's come first). */
function healthPath(f: Facts, { u, at }: Probe, expected: Expected[]): RawFinding | undefined {
  const p = (u[3] ?? '/').split('?')[0];
  if (!expected.length || expected.some((e) => e.url === p)) return undefined;
  const [e] = expected;
  const range = u[3] ? at(u[0].length - u[3].length, u[3].length) : at(0, u[0].length);
  return finding(f, range, messages.otherPath(p, e.url, e.where), [e.related], u[3] ? { title: messages.pathFix(e.url), newText: e.url } : undefined);
}

function expectedUrls(ctx: ProjectContext): Expected[] {
  const out: Expected[] = deployProbeUrls(ctx).map((d) => ({
    url: d.url, where: messages.deployUrl(d.where), related: { file: d.doc.file, range: rangeOfNode(d.doc, d.node), message: messages.deployRelated(d.where) },
  }));
  const node = ctx.config?.nodeAt(['health', 'url']);
  if (node && ctx.config && typeof node.value === 'string') {
    const related = { file: ctx.config.file, range: rangeOfNode(ctx.config, node), message: messages.healthUrl };
    out.push({ url: node.value, where: messages.configUrl, related });
  }
  return out;
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
    const expected = expectedUrls(ctx);
    const related = expected.length ? expected.map((e) => e.related) : undefined;
    return [port(f, pr, related, servicePort(ctx)), healthPath(f, pr, expected)].filter((x): x is RawFinding => !!x);
  },
});
