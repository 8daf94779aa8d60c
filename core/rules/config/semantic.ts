// Rules ajv cannot express: near-miss content types, `item` in data schemas, duplicated apis, version pairs,
// runtimes per engine, what an Image model should have, SWR addresses, undocumented top-level keys.
import type { Node } from 'jsonc-parser';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { CONTENT_TYPES, UNDOCUMENTED_TOP_KEYS, configSchema } from '../../schema/configSchema';
import { placeOf } from './places';
import { nearest } from './near';
import { keyNode, openingRange, rangeOfNode, showPath } from './paths';
import { edit, fix, insertProperty, replaceNode } from './edits';
import { isKnownRuntime, swrProblem, swrScheme } from './formats';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => !!v && typeof v === 'object' && !Array.isArray(v);
const BUILT_IN = new Set(['TensorFlow', 'MXNet', 'Caffe', 'Spark_MLlib', 'Scikit_Learn', 'XGBoost', 'PyTorch', 'MindSpore']);
/** JSON Schema keywords that a one-letter slip turns into an unknown keyword ModelArts silently ignores. */
const SCHEMA_TYPOS: Record<string, string> = { item: 'items', propertys: 'properties', property: 'properties', require: 'required', requried: 'required', itmes: 'items' };

/**
 * `claimed` receives the JSON pointers (ajv instancePaths) these rules already reported, so the schema pass does
 * not report the same problem again.
 */
export function semanticFindings(doc: ConfigDoc, claimed: Set<string>): RawFinding[] {
  const v = doc.value as Obj;
  const out: RawFinding[] = [];
  const at = (node: Node) => rangeOfNode(doc, node);
  const push = (code: string, node: Node | undefined, message: ReturnType<typeof L>, extra: Partial<RawFinding> = {}) => {
    if (node) out.push({ code, file: doc.file, range: at(node), message, ...extra });
  };

  // MA104 (info): keys seen in API responses and Terraform but not in the config-file spec.
  for (const k of Object.keys(v)) {
    if (UNDOCUMENTED_TOP_KEYS.has(k)) {
      // One field, one verdict: "ModelArts may ignore it" already says all; its value's type is not judged
      // (real sample configs write "tunable": "false" and were imported).
      claimed.add(`/${k}/`);
      // `protocol` at the top level is most often an api's or health's protocol written one level too high.
      const place = placeOf(k, configSchema);
      push('MA104', keyNode(doc, [], k), L(`"${k}" is not in the documented config.json fields (it appears in API responses or Terraform examples); ModelArts may ignore it.${place ? ` If it is meant for an api or the health check, it belongs ${place.en}.` : ''}`,
        `"${k}" 不在 config.json 文档列出的字段中（见于 API 返回或 Terraform 示例），ModelArts 可能会忽略它。${place ? `若它是 api 或健康检查的设置，应位于${place.zh}。` : ''}`), { severity: 'info' });
    }
  }

  const type = typeof v.model_type === 'string' ? v.model_type : undefined;
  const isImage = type === 'Image';

  // MA106: a runtime the docs never named for this engine (warning: the lists change by region and over time).
  if (type && BUILT_IN.has(type) && typeof v.runtime === 'string' && v.runtime !== '' && !isKnownRuntime(type, v.runtime)) {
    push('MA106', doc.nodeAt(['runtime']), L(`runtime "${v.runtime}" is not a known runtime of ${type}. Check the runtime list of your region (e.g. python3.6).`,
      `runtime "${v.runtime}" 不是 ${type} 的已知运行时。请查看所在区域的运行时列表（如 python3.6）。`));
  }

  // MA116 / MA118: what an Image model should declare.
  if (isImage && v.health === undefined) {
    out.push({
      code: 'MA116', file: doc.file, range: openingRange(doc, []),
      message: L('This Image model has no "health" check: ModelArts cannot tell when the container is ready, and rolling upgrades interrupt the service. Add "health" with the url of a GET endpoint that answers 200.',
        '该 Image 模型未配置 "health" 健康检查：ModelArts 无法判断容器何时就绪，滚动升级会中断服务。请添加 "health"，其 url 指向返回 200 的 GET 接口。'),
      fixes: doc.syntaxErrors.length ? undefined : [fix(L('Add a health check on /health', '添加 /health 健康检查'), insertProperty(doc, [], 'health', { url: '/health', protocol: 'http', initial_delay_seconds: '12', timeout_seconds: '30' }), false)],
    });
  }
  if (isImage && (v.apis === undefined || (Array.isArray(v.apis) && v.apis.length === 0))) {
    const apisKey = keyNode(doc, [], 'apis');
    out.push({
      code: 'MA118', file: doc.file, range: apisKey ? rangeOfNode(doc, apisKey) : openingRange(doc, []),
      message: L('This Image model declares no "apis": the console will have no API to call. Add one entry per path the image serves.',
        '该 Image 模型未声明 "apis"：控制台将没有可调用的 API。请为镜像提供的每个路径各添加一项。'),
      fixes: doc.syntaxErrors.length || apisKey ? undefined : [fix(L('Add an api on /', '添加 / 上的 api'), insertProperty(doc, [], 'apis', [{ url: '/', method: 'post', request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' } }]), false)],
    });
  }

  // MA111: a custom engine's health path, if any, is exactly /health (custom engine spec).
  const h = v.health;
  if (type === 'Custom' && isObj(h) && typeof h.url === 'string' && h.url.startsWith('/') && h.url !== '/health') {
    const n = doc.nodeAt(['health', 'url']);
    if (n) claimed.add('/health/url');
    push('MA111', n, L(`A custom engine (model_type Custom) must serve its health check at exactly "/health", not "${h.url}".`,
      `自定义引擎（model_type Custom）的健康检查路径必须是 "/health"，而不是 "${h.url}"。`),
    n ? { fixes: [fix(L('Change to "/health"', '改为 "/health"'), [replaceNode(doc, n, '/health')])] } : {});
  }

  // MA117: the SWR address.
  if (typeof v.swr_location === 'string') {
    const p = swrProblem(v.swr_location);
    const scheme = swrScheme(v.swr_location);
    const n = doc.nodeAt(['swr_location']);
    const rest = v.swr_location.slice(scheme.length);
    if (p) push('MA117', n, p, scheme && n ? { fixes: [fix(L(`Remove "${scheme}"`, `删除 "${scheme}"`), [replaceNode(doc, n, rest)])] } : {});
  }

  if (Array.isArray(v.apis)) {
    const seen = new Map<string, number>();
    v.apis.forEach((api, i) => {
      if (!isObj(api)) return;
      // MA113: two apis with the same url and method (method defaults to POST, case does not matter).
      if (typeof api.url === 'string') {
        const method = (typeof api.method === 'string' ? api.method : 'post').toLowerCase();
        const k = `${method} ${api.url}`;
        const first = seen.get(k);
        if (first !== undefined) {
          const n = doc.nodeAt(['apis', i, 'url']);
          const firstNode = doc.nodeAt(['apis', first, 'url']);
          push('MA113', n, L(`apis[${i}] repeats url "${api.url}" with method ${method.toUpperCase()} of apis[${first}]: each url and method pair must be unique. Remove one or change its url.`,
            `apis[${i}] 与 apis[${first}] 的 url "${api.url}" 和方法 ${method.toUpperCase()} 重复：url 与方法的组合必须唯一。请删除其一或修改 url。`),
          firstNode ? { related: [{ file: doc.file, range: at(firstNode), message: L('first declared here', '首次声明处') }] } : {});
        } else seen.set(k, i);
      }
      for (const part of ['request', 'response'] as const) {
        const msg = api[part];
        if (!isObj(msg)) continue;
        // MA115: a near miss of an allowed content type.
        const ct = msg['Content-type'];
        if (typeof ct === 'string' && !CONTENT_TYPES.includes(ct)) {
          const guess = nearest(ct, CONTENT_TYPES, 3);
          const n = doc.nodeAt(['apis', i, part, 'Content-type']);
          if (guess && n) {
            claimed.add(`/apis/${i}/${part}/Content-type`);
            push('MA115', n, L(`Misspelled content type "${ct}": did you mean "${guess}"?`, `内容类型 "${ct}" 拼写错误：是否应为 "${guess}"？`),
              { fixes: [fix(L(`Change to "${guess}"`, `改为 "${guess}"`), [replaceNode(doc, n, guess)])] });
          }
        }
        // MA114: keyword typos inside the data schema (JSON Schema ignores unknown keywords, so ajv cannot see them).
        if (isObj(msg.data)) walkDataSchema(doc, msg.data, ['apis', i, part, 'data'], out);
      }
    });
  }

  // MA109: package_version and restraint come together ("" counts as absent).
  if (Array.isArray(v.dependencies)) {
    v.dependencies.forEach((dep, d) => {
      if (!isObj(dep) || !Array.isArray(dep.packages)) return;
      dep.packages.forEach((pkg, p) => {
        if (!isObj(pkg)) return;
        const base = ['dependencies', d, 'packages', p];
        const ver = pkg.package_version;
        const res = pkg.restraint;
        const hasVer = typeof ver === 'string' && ver !== '';
        const hasRes = typeof res === 'string' && res !== '';
        const name = typeof pkg.package_name === 'string' ? pkg.package_name : showPath(base);
        if (hasVer && !hasRes && (res === undefined || res === '')) {
          const n = doc.nodeAt([...base, 'package_version']);
          const resNode = doc.nodeAt([...base, 'restraint']);
          push('MA109', n, L(`${name}: package_version "${ver}" is given without restraint. Add "restraint": "EXACT" (or ATLEAST / ATMOST).`,
            `${name}：给出了 package_version "${ver}" 但没有 restraint。请添加 "restraint": "EXACT"（或 ATLEAST / ATMOST）。`),
          { fixes: [fix(L('Set restraint to "EXACT"', '将 restraint 设为 "EXACT"'), resNode ? [replaceNode(doc, resNode, 'EXACT')] : insertProperty(doc, base, 'restraint', 'EXACT'))] });
        } else if (hasRes && !hasVer && (ver === undefined || ver === '')) {
          push('MA109', doc.nodeAt([...base, 'restraint']), L(`${name}: restraint "${String(res)}" is given without package_version. Add the version, or remove restraint to install the latest.`,
            `${name}：给出了 restraint "${String(res)}" 但没有 package_version。请补充版本号，或删除 restraint 以安装最新版本。`));
        }
      });
    });
  }
  return out;
}

function walkDataSchema(doc: ConfigDoc, s: Obj, path: (string | number)[], out: RawFinding[], depth = 0): void {
  if (depth > 32) return;
  for (const k of Object.keys(s)) {
    const right = SCHEMA_TYPOS[k];
    if (right && !(right in s)) {
      const key = keyNode(doc, path, k);
      if (key) {
        out.push({
          code: 'MA114', file: doc.file, range: rangeOfNode(doc, key),
          message: L(`"${k}" is not a JSON Schema keyword: did you mean "${right}"? As written it is ignored and the data is not described.`,
            `"${k}" 不是 JSON Schema 关键字：是否应为 "${right}"？按现在的写法它会被忽略，数据没有被描述。`),
          fixes: [fix(L(`Rename to "${right}"`, `改为 "${right}"`), [edit(doc, key.offset, key.length, JSON.stringify(right))])],
        });
      }
    }
  }
  const props = s.properties;
  if (isObj(props)) for (const [name, sub] of Object.entries(props)) if (isObj(sub)) walkDataSchema(doc, sub, [...path, 'properties', name], out, depth + 1);
  for (const key of ['items', 'item'] as const) {
    const it = s[key];
    if (isObj(it)) walkDataSchema(doc, it, [...path, key], out, depth + 1);
    else if (Array.isArray(it)) it.forEach((sub, i) => isObj(sub) && walkDataSchema(doc, sub, [...path, key, i], out, depth + 1));
  }
  if (isObj(s.additionalProperties)) walkDataSchema(doc, s.additionalProperties, [...path, 'additionalProperties'], out, depth + 1);
}
