// The conformance report's own words in English and Simplified Chinese (the MA4xx findings' texts are their rules'),
// and a report picked in one language, as the JSON and text reports print it.
import { L, pick } from '../core/i18n';
import type { Lang, Localized } from '../core/types';
import type { Check, Report, ShownCheck } from './report';

/** A line that reads the same in both languages: build output, log lines, a command, an answer's body. */
export const same = (s: string): Localized => ({ en: s, zh: s });

/** Joins localized parts (and plain names) per language. */
export function join(...parts: (Localized | string)[]): Localized {
  return {
    en: parts.map((p) => (typeof p === 'string' ? p : p.en)).join(''),
    zh: parts.map((p) => (typeof p === 'string' ? p : p.zh)).join(''),
  };
}

/** Why a check did not run. */
export const SKIP = {
  notStarted: L('the container did not start', '容器未能启动'),
  notServed: L('the container did not serve', '容器未提供服务'),
  online: L('online service', '在线服务'),
  kept: L('kept running (--keep)', '容器保持运行（--keep）'),
  exited: L('the container had already exited', '容器已经退出'),
  noApis: L('config.json has no apis', 'config.json 中没有 apis'),
  noHealth: L('config.json has no health', 'config.json 中没有 health'),
  cancelled: L('cancelled', '已取消'),
  probeFailed: (kind: string) => L(`the ${kind} probe did not succeed`, `${PROBE_NAME[kind]?.zh ?? kind}未成功`),
} as const;

/** The probes' names, for texts that name one ('startup', 'readiness', 'liveness'). */
export const PROBE_NAME: Record<string, Localized> = {
  startup: L('startup probe', '启动探针'),
  readiness: L('readiness probe', '就绪探针'),
  liveness: L('liveness probe', '存活探针'),
  health: L('health check', '健康检查'),
};

/** The check in one language. */
export function shownCheck(c: Check, lang: Lang): ShownCheck {
  const { details, ...rest } = c;
  return { ...rest, title: pick(c.title, lang), message: pick(c.message, lang), ...(details ? { details: details.map((d) => pick(d, lang)) } : {}) };
}

/** The report in one language: its field names kept, each text the chosen language's (`--format json`). */
export function shownReport(r: Report, lang: Lang): Omit<Report, 'checks'> & { checks: ShownCheck[] } {
  return { ...r, checks: r.checks.map((c) => shownCheck(c, lang)) };
}

/** Where the service port came from (core/deployment.ts `portFrom`). */
const PORT_FROM = {
  override: L('--port / setting', '--port / 设置'),
  deploy: L('modelarts-deploy.json', 'modelarts-deploy.json'),
  default: L("the console's default", '控制台的默认值'),
  profile: L('seed-2021: always 8080', 'seed-2021：固定为 8080'),
} as const;

const plural = (n: number, one: string) => (n === 1 ? one : `${one}s`);

/** The text report's own lines (engine/format.ts lays them out). */
export const WORDS = {
  head: (folder: string) => L(`ModelArts conformance test: ${folder}`, `ModelArts 一致性测试：${folder}`),
  image: (image: string, kind: 'online' | 'batch', engine: string) => L(
    `image ${image} · ${kind} service · engine ${engine}`, `镜像 ${image} · ${kind === 'online' ? '在线服务' : '批量服务'} · 引擎 ${engine}`),
  port: (port: number, from: keyof typeof PORT_FROM) => L(`port ${port} (${PORT_FROM[from].en})`, `端口 ${port}（${PORT_FROM[from].zh}）`),
  runsAs: (who: Localized) => L(`runs as ${who.en}`, `运行用户 ${who.zh}`),
  memory: (limit: string) => L(`memory limit ${limit}`, `内存限制 ${limit}`),
  skipped: L('skipped: ', '已跳过：'),
  warning: L('warning: ', '警告：'),
  at: (where: string) => L(`at ${where}`, `位置 ${where}`),
  passed: L('PASSED', '通过'),
  failed: L('FAILED', '未通过'),
  counts: (n: Record<'pass' | 'warn' | 'fail' | 'skip', number>, total: string) => L(
    `${n.pass} passed${n.warn ? `, ${n.warn} ${plural(n.warn, 'warning')}` : ''}, ${n.fail} failed, ${n.skip} skipped in ${total}`,
    `${n.pass} 项通过${n.warn ? `，${n.warn} 项警告` : ''}，${n.fail} 项未通过，${n.skip} 项跳过，用时 ${total}`),
  timings: (build: string, serving: string, stop: string, own: string) => L(
    ` (build ${build}, container start to first answer ${serving}, stop ${stop}, the kit's own time ${own})`,
    `（构建 ${build}，容器启动到首次应答 ${serving}，停止 ${stop}，工具自身用时 ${own}）`),
  kept: (url: string, id: string) => L(
    `Kept running: ${url} (container ${id}; remove it with docker rm -f ${id})`, `保持运行：${url}（容器 ${id}；用 docker rm -f ${id} 删除）`),
  probe: (what: Localized, count: number) => (count > 1 ? L(`the same ×${count}`, `相同 ×${count}`) : what),
  staticHead: (n: number) => L(
    `Static findings (${n}; \`modelarts-image check\` explains them):`, `静态检查发现的问题（${n} 个；\`modelarts-image check\` 会逐条说明）：`),
};

/** Columns a string takes in a terminal: CJK characters and full-width punctuation take two. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** `s` padded with spaces to `width` terminal columns. */
export const padTo = (s: string, width: number): string => s + ' '.repeat(Math.max(0, width - displayWidth(s)));
