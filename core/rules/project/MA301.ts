// MA301: health.url is served by no route in the code. Page: docs/rules/MA301.md
import { rangeOfNode } from '../../analysis/config/paths';
import { L } from '../../i18n';
import { defineRule } from '../rule';
import type { Route } from '../../analysis/routes';
import { unserved, unservedRelated } from '../../analysis/unserved';

const messages = {
  wrongMethod: (url: string, frameworks: string) => L(
    `health.url ${url} is routed in the code (${frameworks}) but not for GET: ModelArts would get 405. Add GET to the route's methods.`,
    `health.url ${url} 在代码（${frameworks}）中有路由，但不接受 GET：ModelArts 会得到 405。请在路由的 methods 中加上 GET。`),
  noRoute: (url: string, frameworks: string) => L(
    `health.url ${url} is served by no route in the image's code (${frameworks}): requests would get 404. Add the route or change the url.`,
    `health.url ${url} 在镜像代码（${frameworks}）中没有对应的路由：请求会得到 404。请添加该路由或修改 url。`),
  routeFound: (r: Route) => L(
    `Route found: ${r.methods?.join('/') ?? 'any'} ${r.any ? '(every path)' : r.path}`,
    `找到的路由：${r.methods?.join('/') ?? '任意方法'} ${r.any ? '（所有路径）' : r.path}`),
  startsHere: L('The image starts its server here', '镜像在此处启动服务'),
};

export default defineRule({
  meta: {
    code: 'MA301',
    family: 'project',
    severity: 'warning',
    title: L('health.url is served by no route in the code', 'health.url 在代码中没有对应的路由'),
  },
  messages,
  check(ctx) {
    const node = ctx.config?.nodeAt(['health', 'url']);
    if (!node || typeof node.value !== 'string' || !node.value.startsWith('/')) return [];
    // ModelArts probes health with GET.
    const u = unserved(ctx, node.value, 'GET');
    if (!u) return [];
    const message = (u.samePath ? messages.wrongMethod : messages.noRoute)(node.value, u.frameworks);
    const related = unservedRelated(ctx, u, messages.routeFound, messages.startsHere);
    return [{ code: 'MA301', message, file: ctx.config!.file, range: rangeOfNode(ctx.config!, node), related }];
  },
});
