// MA302: An apis url is served by no route in the code. Page: docs/rules/MA302.md
import { rangeOfNode, valueAt } from '../../analysis/config/paths';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import type { Route } from '../../analysis/routes';
import { unserved, unservedRelated } from '../../analysis/unserved';

const messages = {
  wrongMethod: (what: string, url: string, frameworks: string, method: string) => L(
    `${what} ${url} is routed in the code (${frameworks}) but not for ${method}: ModelArts would get 405. `
      + `Add ${method} to the route's methods.`,
    `${what} ${url} 在代码（${frameworks}）中有路由，但不接受 ${method}：ModelArts 会得到 405。请在路由的 methods 中加上 ${method}。`),
  noRoute: (what: string, url: string, frameworks: string) => L(
    `${what} ${url} is served by no route in the image's code (${frameworks}): requests would get 404. Add the route or change the url.`,
    `${what} ${url} 在镜像代码（${frameworks}）中没有对应的路由：请求会得到 404。请添加该路由或修改 url。`),
  routeFound: (r: Route) => L(
    `Route found: ${r.methods?.join('/') ?? 'any'} ${r.any ? '(every path)' : r.path}`,
    `找到的路由：${r.methods?.join('/') ?? '任意方法'} ${r.any ? '（所有路径）' : r.path}`),
  startsHere: L('The image starts its server here', '镜像在此处启动服务'),
};

const METHOD = /^(get|post|put|delete|patch|head|options)$/i;

/** apis[i].url when it is a path some route should serve; the method only when it is an HTTP method. */
function api(ctx: ProjectContext, i: number): RawFinding | undefined {
  const cfg = ctx.config!;
  // The value decides; the node (for the range) is looked up only for a finding.
  const url = valueAt(cfg.value, ['apis', i, 'url']);
  const m = valueAt(cfg.value, ['apis', i, 'method']);
  if (typeof url !== 'string' || !url.startsWith('/')) return undefined;
  const method = typeof m === 'string' && METHOD.test(m) ? m : undefined;
  const found = unserved(ctx, url, method);
  const u = found && cfg.nodeAt(['apis', i, 'url']);
  if (!found || !u) return undefined;
  const what = `apis[${i}].url`;
  const message = found.samePath ? messages.wrongMethod(what, url, found.frameworks, `${method?.toUpperCase()}`)
    : messages.noRoute(what, url, found.frameworks);
  const related = unservedRelated(ctx, found, messages.routeFound, messages.startsHere);
  return { code: 'MA302', message, file: cfg.file, range: rangeOfNode(cfg, u), related };
}

export default defineRule({
  meta: {
    code: 'MA302',
    family: 'project',
    severity: 'warning',
    title: L('An apis url is served by no route in the code', 'apis 的 url 在代码中没有对应的路由'),
  },
  messages,
  check(ctx) {
    const apis = valueAt(ctx.config?.value, ['apis']);
    if (!Array.isArray(apis)) return [];
    return apis.map((_a, i) => api(ctx, i)).filter((x): x is RawFinding => !!x);
  },
});
