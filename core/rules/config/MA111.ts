// MA111: health.url missing or not starting with /, or health.protocol not http. Page: docs/rules/MA111.md
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { isObj, rangeOfNode, type Obj } from '../../analysis/config/paths';
import { fix, replaceNode } from '../../analysis/config/edits';
import { leadingSlash } from '../../analysis/config/schemaReads';

const messages = {
  customPath: (url: string) => L(`A custom engine (model_type Custom) must serve its health check at exactly "/health", not "${url}".`,
    `自定义引擎（model_type Custom）的健康检查路径必须是 "/health"，而不是 "${url}"。`),
  healthFix: L('Change to "/health"', '改为 "/health"'),
  httpsToday: (text: string) => L(
    `health.protocol is "${text}": the config-file spec allows only "http", but today's ModelArts probes over the container's `
      + `protocol. Keep "https" only if the container serves HTTPS on its port; otherwise write "http".`,
    `health.protocol 为 "${text}"：配置文件规范只允许 "http"，但当前的 ModelArts 按容器协议进行探测。仅当容器在其端口上提供 HTTPS 时保留 "https"，`
      + '否则请写 "http"。'),
  httpOnly: (value: unknown) => L(`health.protocol is "${String(value)}": the health check supports only "http".`,
    `health.protocol 为 "${String(value)}"：健康检查只支持 "http"。`),
  httpFix: L('Change to "http"', '改为 "http"'),
};

/** A custom engine's health path, if any, is exactly /health (custom engine spec). */
function customHealthPath(doc: ConfigDoc, claimed: Set<string>): RawFinding[] {
  const v = doc.value as Obj;
  const h = v.health;
  if (v.model_type !== 'Custom' || !isObj(h)) return [];
  if (typeof h.url !== 'string' || !h.url.startsWith('/') || h.url === '/health') return [];
  const n = doc.nodeAt(['health', 'url']);
  if (!n) return [];
  claimed.add('/health/url');
  return [{
    code: 'MA111', file: doc.file, range: rangeOfNode(doc, n), message: messages.customPath(h.url),
    fixes: [fix(messages.healthFix, [replaceNode(doc, n, '/health')])],
  }];
}

/** health.url without "/", or a protocol other than http ("https" under current: a warning, see below). */
function fromSchema(hit: SchemaHit): SchemaRead {
  const slash = leadingSlash(hit);
  if (slash) return { finding: slash };
  const f = hit.generic();
  if (hit.error.keyword !== 'enum') return { finding: f };
  if (hit.profile === 'current' && hit.text?.toLowerCase() === 'https') {
    // The config-file spec allows only "http" (spec digest §1.6), but today's platform probes over the container's
    // own protocol, HTTPS included (§1.6 S11, §2.3): no refusal, only a warning to match what the container serves.
    f.severity = 'warning';
    f.message = messages.httpsToday(hit.text);
  } else f.message = messages.httpOnly(hit.value);
  f.fixes = [fix(messages.httpFix, [replaceNode(hit.doc, hit.node, 'http')])];
  return { finding: f };
}

export default defineRule({
  meta: {
    code: 'MA111',
    family: 'config',
    severity: 'error',
    title: L('health.url missing or not starting with /, or health.protocol not http', 'health.url 缺失或不以 / 开头，或 health.protocol 不是 http'),
    rank: 8,
  },
  messages,
  semantic: customHealthPath,
  fromSchema,
  trust: 'shape',
} satisfies ConfigRuleIn);
