// MA301 (health.url served by no route), MA302 (an apis url served by no route), MA303 (HEALTHCHECK elsewhere).
import type { Node } from 'jsonc-parser';
import type { RawFinding, Related } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../context';
import { routesIn, serves, pathMatches, type Route } from '../../analysis/routes';
import { facts, rangeOfLoc, argsRange } from '../dockerfile/facts';
import { kwOf, contentOf } from '../../analysis/image';

const MAX_RELATED = 3;

function routeRelated(ctx: ProjectContext, routes: Route[]): Related[] {
  return routes.slice(0, MAX_RELATED).map((r) => ({
    file: r.file, range: rangeOfLoc(ctx, { file: r.file, text: r.text, start: r.start, end: r.end }),
    message: L(`Route found: ${r.methods?.join('/') ?? 'any'} ${r.any ? '(every path)' : r.path}`, `找到的路由：${r.methods?.join('/') ?? '任意方法'} ${r.any ? '（所有路径）' : r.path}`),
  }));
}

function check(ctx: ProjectContext, code: 'MA301' | 'MA302', node: Node, url: string, method: string | undefined, what: string, whatZh: string): RawFinding | undefined {
  const f = facts(ctx);
  if (!f || !ctx.config) return undefined;
  const set = routesIn(f.bc);
  if (!set.confident || !set.routes.length) return undefined;
  if (set.routes.some((r) => serves(r, url, method))) return undefined;
  const samePath = set.routes.filter((r) => r.any || pathMatches(r, url));
  const related = routeRelated(ctx, samePath.length ? samePath : set.routes);
  if (f.start.anchor) related.push({ file: f.file, range: argsRange(f.start.anchor), message: L('The image starts its server here', '镜像在此处启动服务') });
  const range = ctx.config.rangeOf(node.offset, node.length);
  const fw = set.frameworks.join(', ');
  const message = samePath.length
    ? L(`${what} ${url} is routed in the code (${fw}) but not for ${method?.toUpperCase()}: ModelArts would get 405. Add ${method?.toUpperCase()} to the route's methods.`,
      `${whatZh} ${url} 在代码（${fw}）中有路由，但不接受 ${method?.toUpperCase()}：ModelArts 会得到 405。请在路由的 methods 中加上 ${method?.toUpperCase()}。`)
    : L(`${what} ${url} is served by no route in the image's code (${fw}): requests would get 404. Add the route or change the url.`,
      `${whatZh} ${url} 在镜像代码（${fw}）中没有对应的路由：请求会得到 404。请添加该路由或修改 url。`);
  return { code, message, file: ctx.config.file, range, related };
}

export function ma301(ctx: ProjectContext): RawFinding[] {
  const node = ctx.config?.nodeAt(['health', 'url']);
  if (!node || typeof node.value !== 'string' || !node.value.startsWith('/')) return [];
  const r = check(ctx, 'MA301', node, node.value, 'GET', 'health.url', 'health.url');
  return r ? [r] : [];
}

export function ma302(ctx: ProjectContext): RawFinding[] {
  const apis = ctx.config?.nodeAt(['apis']);
  if (!apis || apis.type !== 'array') return [];
  const out: RawFinding[] = [];
  (apis.children ?? []).forEach((_a, i) => {
    const u = ctx.config!.nodeAt(['apis', i, 'url']);
    const m = ctx.config!.nodeAt(['apis', i, 'method']);
    if (!u || typeof u.value !== 'string' || !u.value.startsWith('/')) return;
    const method = typeof m?.value === 'string' && /^(get|post|put|delete|patch|head|options)$/i.test(m.value) ? m.value : undefined;
    const r = check(ctx, 'MA302', u, u.value, method, `apis[${i}].url`, `apis[${i}].url`);
    if (r) out.push(r);
  });
  return out;
}

export function ma303(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const hc = f.m.instrs.filter((i) => kwOf(i) === 'HEALTHCHECK').pop();
  if (!hc || /^\s*NONE\b/i.test(contentOf(hc))) return [];
  const start = f.m.offsetOf(hc.getRange().start), end = f.m.offsetOf(hc.getRange().end);
  const text = f.m.doc.text.slice(start, end);
  const u = /\bhttps?:\/\/(\[[^\]]+\]|[^/:\s'"]+)(?::(\d+|\$\{?\w+\}?))?(\/[^\s'"|;&)]*)?/.exec(text);
  if (!u) return [];
  const out: RawFinding[] = [];
  const healthNode = ctx.config?.nodeAt(['health', 'url']);
  const healthUrl = typeof healthNode?.value === 'string' ? healthNode.value : undefined;
  const rel: Related[] | undefined = healthNode && ctx.config ? [{ file: ctx.config.file, range: ctx.config.rangeOf(healthNode.offset, healthNode.length), message: L('health.url in config.json', 'config.json 中的 health.url') }] : undefined;
  const port = u[2] ?? (u[0].startsWith('https') ? '443' : '80');
  const at = (s: number, len: number) => ctx.dockerfile!.rangeOf(start + u.index + s, len);
  if (/^\d+$/.test(port) && port !== '8080') {
    const range = u[2] ? at(u[0].indexOf(':' + u[2], 8) + 1, u[2].length) : at(0, u[0].length);
    out.push({ code: 'MA303', file: f.file, range, related: rel,
      message: L(`HEALTHCHECK probes port ${port}; the service listens on 8080, where ModelArts probes health.`, `HEALTHCHECK 探测的是 ${port} 端口；服务监听在 8080，ModelArts 也在 8080 上探测健康状态。`),
      fixes: u[2] ? [{ title: L('Probe port 8080', '改为探测 8080 端口'), edits: [{ file: f.file, range, newText: '8080' }], isPreferred: true }] : undefined });
  }
  const p = (u[3] ?? '/').split('?')[0];
  if (healthUrl && p !== healthUrl) {
    const range = u[3] ? at(u[0].length - u[3].length, u[3].length) : at(0, u[0].length);
    out.push({ code: 'MA303', file: f.file, range, related: rel,
      message: L(`HEALTHCHECK probes ${p} but config.json's health.url is ${healthUrl}: the two checks disagree. Probe ${healthUrl}.`, `HEALTHCHECK 探测 ${p}，而 config.json 的 health.url 是 ${healthUrl}：两处健康检查不一致。请探测 ${healthUrl}。`),
      fixes: u[3] ? [{ title: L(`Probe ${healthUrl}`, `改为探测 ${healthUrl}`), edits: [{ file: f.file, range, newText: healthUrl }], isPreferred: true }] : undefined });
  }
  return out;
}
