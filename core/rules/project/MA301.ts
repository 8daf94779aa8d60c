// MA301: health.url (or a deployment file's HTTP probe url) is served by no route in the code. Page: docs/rules/MA301.md
import type { Node } from 'jsonc-parser';
import { rangeOfNode, valueAt } from '../../analysis/config/paths';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import type { ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { Route } from '../../analysis/routes';
import { unserved, unservedRelated } from '../../analysis/unserved';
import { deployProbeUrls } from '../../analysis/deploy';

const messages = {
  wrongMethod: (url: string, frameworks: string) => L(
    `health.url ${url} is routed in the code (${frameworks}) but not for GET: ModelArts would get 405. Add GET to the route's methods.`,
    `health.url ${url} 在代码（${frameworks}）中有路由，但不接受 GET：ModelArts 会得到 405。请在路由的 methods 中加上 GET。`),
  noRoute: (url: string, frameworks: string) => L(
    `health.url ${url} is served by no route in the image's code (${frameworks}): requests would get 404. Add the route or change the url.`,
    `health.url ${url} 在镜像代码（${frameworks}）中没有对应的路由：请求会得到 404。请添加该路由或修改 url。`),
  probeWrongMethod: (where: string, url: string, frameworks: string) => L(
    `The deployment file's ${where} ${url} is routed in the code (${frameworks}) but not for GET: the probe would get 405 and fail. `
      + 'Add GET to the route\'s methods.',
    `部署文件的 ${where} ${url} 在代码（${frameworks}）中有路由，但不接受 GET：探针会得到 405 而失败。请在路由的 methods 中加上 GET。`),
  probeNoRoute: (where: string, url: string, frameworks: string) => L(
    `The deployment file's ${where} ${url} is served by no route in the image's code (${frameworks}): the probe would get 404, and a probe `
      + 'for a path the image does not have makes the deployment fail. Add the route or change the url.',
    `部署文件的 ${where} ${url} 在镜像代码（${frameworks}）中没有对应的路由：探针会得到 404，而探测镜像中不存在的路径会导致部署失败。`
      + '请添加该路由或修改 url。'),
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
    // The value decides; the node (for the range) is looked up only for a finding.
    const url = valueAt(ctx.config?.value, ['health', 'url']);
    const out: RawFinding[] = [];
    if (typeof url === 'string' && url.startsWith('/')) {
      const nodeOf = () => ctx.config!.nodeAt(['health', 'url']);
      const f = unservedFinding(ctx, ctx.config!, nodeOf, url, (same) => (same ? messages.wrongMethod : messages.noRoute));
      if (f) out.push(f);
    }
    for (const d of deployProbeUrls(ctx)) {
      const say = (same: boolean): Say => (u, fw) => (same ? messages.probeWrongMethod : messages.probeNoRoute)(d.where, u, fw);
      const f = unservedFinding(ctx, d.doc, () => d.node, d.url, say);
      if (f) out.push(f);
    }
    return out;
  },
});

type Say = (url: string, frameworks: string) => ReturnType<typeof messages.noRoute>;

/** A url ModelArts probes with GET (health.url, a probe url) that no route of the code serves. */
function unservedFinding(
  ctx: ProjectContext, doc: ConfigDoc, nodeOf: () => Node | undefined, url: string, say: (samePath: boolean) => Say,
): RawFinding | undefined {
  const u = unserved(ctx, url, 'GET');
  const node = u && nodeOf();
  if (!u || !node) return undefined;
  const related = unservedRelated(ctx, u, messages.routeFound, messages.startsHere);
  return { code: 'MA301', message: say(u.samePath)(url, u.frameworks), file: doc.file, range: rangeOfNode(doc, node), related };
}
