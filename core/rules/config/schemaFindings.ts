// ajv errors -> findings. Each error is mapped to the node at fault (instancePath -> JSON path -> node) and to a
// rule code: the sub-schema's `x-code`, else the keyword. One problem -> one finding: errors on the same spot are
// merged, the most telling code first.
import type { ErrorObject } from 'ajv';
import type { JSONPath } from 'jsonc-parser';
import type { Profile, RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { validateConfig, declaredKeys, UNDOCUMENTED_TOP_KEYS, DATA_TYPES, type SchemaNode } from '../../schema/configSchema';
import { pointerToPath, showPath, nodeOrAncestor, keyNode, rangeOfNode, openingRange } from './paths';
import { nearest } from './near';
import { aliasOf, placeOf } from './places';
import { edit, fix, insertProperty, replaceNode } from './edits';
import { modelAlgorithmProblem } from './formats';

/** Which code wins when several errors hit the same spot. */
const PRIORITY = ['MA102', 'MA115', 'MA107', 'MA108', 'MA106', 'MA110', 'MA105', 'MA111', 'MA112', 'MA113', 'MA114', 'MA119', 'MA103', 'MA117', 'MA101', 'MA104'];
/** Codes whose own wording covers a wrong type (health numbers, data schemas, metrics). */
const TYPE_CODES = new Set(['MA112', 'MA114', 'MA119']);

/** Placeholders for an inserted required field. */
const PLACEHOLDER: Record<string, unknown> = {
  model_algorithm: 'image_classification',
  model_type: 'Image',
  url: '/health',
  installer: 'pip',
  packages: [],
  package_name: 'numpy',
  command: 'cat /tmp/healthy',
};

interface Mapped {
  key: string;
  finding: RawFinding;
  /** For an unknown key with a rename fix: the pointer of the field the rename supplies (`/health!url`). */
  supplies?: string;
}

export function schemaFindings(doc: ConfigDoc, claimed: Set<string>, profile: Profile = 'seed-2021'): RawFinding[] {
  const errors = validateConfig(doc.value);
  const best = new Map<string, Mapped>();
  for (const e of errors) {
    const m = mapError(doc, e, profile);
    if (!m || isClaimed(claimed, m.key)) continue;
    const prev = best.get(m.key);
    if (!prev || PRIORITY.indexOf(m.finding.code) < PRIORITY.indexOf(prev.finding.code)) best.set(m.key, m);
  }
  return dropCoveredMissing([...best.values()]).map((m) => m.finding);
}

/** `claimed` holds pointers, and prefixes ending in "/" that claim a whole subtree (an undocumented key's value). */
const isClaimed = (claimed: Set<string>, key: string): boolean =>
  claimed.has(key) || [...claimed].some((c) => c.endsWith('/') && (key + '/').startsWith(c));

/** A missing `url` next to an unknown `ulr` is one problem: the rename fix of MA104 solves it. */
function dropCoveredMissing(ms: Mapped[]): Mapped[] {
  const supplied = new Set(ms.map((m) => m.supplies).filter(Boolean));
  return ms.filter((m) => !(m.finding.code === 'MA101' && supplied.has(m.key)));
}

function codeFor(e: ErrorObject): string {
  const x = (e.parentSchema as SchemaNode | undefined)?.['x-code'] as string | undefined;
  switch (e.keyword) {
    case 'required': return x ?? 'MA101';
    case 'type': return x && TYPE_CODES.has(x) ? x : 'MA102';
    case 'additionalProperties': return 'MA104';
    case 'enum':
    case 'const': return x ?? 'MA103';
    default: return x ?? 'MA103';
  }
}

function mapError(doc: ConfigDoc, e: ErrorObject, profile: Profile): Mapped | undefined {
  if (e.keyword === 'if' || e.keyword === '$ref') return undefined;
  const path = pointerToPath(e.instancePath, doc.value);
  const where = showPath(path);
  // Anything wrong inside a request/response data schema is MA114, whatever the keyword.
  const inData = path.length >= 4 && path[0] === 'apis' && path[3] === 'data';
  const code = inData && e.keyword !== 'additionalProperties' ? 'MA114' : codeFor(e);
  const base = { code, file: doc.file };

  if (e.keyword === 'additionalProperties') {
    const prop = String((e.params as { additionalProperty: string }).additionalProperty);
    const key = keyNode(doc, path, prop);
    if (!key) return undefined;
    const known = declaredKeys(e.parentSchema as SchemaNode).filter((k) => path.length > 0 || !UNDOCUMENTED_TOP_KEYS.has(k));
    const siblings = Object.keys((valueAt(doc.value, path) as object | undefined) ?? {});
    const guess = nearest(prop, known) ?? aliasOf(prop, known);
    const place = guess ? undefined : placeOf(prop, e.parentSchema as SchemaNode);
    const at = path.length ? L(where, where) : L("config.json's top level", 'config.json 的顶层');
    const f: RawFinding = {
      ...base,
      range: rangeOfNode(doc, key),
      message: guess
        ? L(`Unknown field "${prop}" in ${at.en}: did you mean "${guess}"? A misspelled field is not read, so its setting is lost.`,
          `${at.zh} 中有未知字段 "${prop}"：是否应为 "${guess}"？拼错的字段不会被读取，其设置将丢失。`)
        : place
          ? L(`"${prop}" does not belong in ${at.en}: it belongs ${place.en}. Here it is not read; move it there.`,
            `"${prop}" 不应写在${at.zh}中：它应位于${place.zh}。写在这里不会被读取，请移到该处。`)
          : L(`Unknown field "${prop}" in ${at.en}. Known fields: ${known.join(', ')}. Remove it or fix its name.`,
            `${at.zh} 中有未知字段 "${prop}"。已知字段：${known.join('、')}。请删除或改正字段名。`),
    };
    let supplies: string | undefined;
    if (guess && !siblings.includes(guess)) {
      f.fixes = [fix(L(`Rename to "${guess}"`, `改为 "${guess}"`), [edit(doc, key.offset, key.length, JSON.stringify(guess))])];
      supplies = e.instancePath + '!' + guess;
    }
    return { key: e.instancePath + '#key:' + prop, finding: f, supplies };
  }

  if (e.keyword === 'required') {
    const prop = String((e.params as { missingProperty: string }).missingProperty);
    const placeholder = PLACEHOLDER[prop] ?? '';
    return {
      key: e.instancePath + '!' + prop,
      finding: {
        ...base,
        range: openingRange(doc, path),
        message: L(`Required field "${prop}" is missing in ${where}. Add it.`, `${where} 缺少必填字段 "${prop}"，请补充。`),
        fixes: doc.syntaxErrors.length ? undefined : [fix(L(`Add "${prop}"`, `添加 "${prop}"`), insertProperty(doc, path, prop, placeholder))],
      },
    };
  }

  const node = nodeOrAncestor(doc, path);
  if (!node) return undefined;
  const value = (e as { data?: unknown }).data;
  const f: RawFinding = { ...base, range: rangeOfNode(doc, node), message: genericMessage(e, where, value) };
  const text = typeof value === 'string' ? value : undefined;

  if (code === 'MA102') {
    const want = ([] as string[]).concat((e.params as { type: string | string[] }).type).join(' or ');
    f.message = L(`${where} must be of type ${want}, not ${typeName(value)}.`, `${where} 的类型应为 ${want}，而不是 ${typeName(value)}。`);
  } else if (code === 'MA105' && text !== undefined) {
    const p = modelAlgorithmProblem(text);
    if (!p) return undefined;
    f.message = p;
  } else if ((code === 'MA113' || code === 'MA111') && e.keyword === 'pattern' && text !== undefined) {
    f.message = L(`${where} "${text}" must start with "/". Write it as "/${text}".`, `${where} "${text}" 必须以 "/" 开头，应写为 "/${text}"。`);
    f.fixes = [fix(L(`Change to "/${text}"`, `改为 "/${text}"`), [replaceNode(doc, node, '/' + text)])];
  } else if (code === 'MA111' && e.keyword === 'enum' && profile === 'current' && text?.toLowerCase() === 'https') {
    // The config-file spec allows only "http" (spec digest §1.6), but today's platform probes over the container's
    // own protocol, HTTPS included (§1.6 S11, §2.3): no refusal, only a warning to match what the container serves.
    f.severity = 'warning';
    f.message = L(`health.protocol is "${text}": the config-file spec allows only "http", but today's ModelArts probes over the container's protocol. Keep "https" only if the container serves HTTPS on its port; otherwise write "http".`,
      `health.protocol 为 "${text}"：配置文件规范只允许 "http"，但当前的 ModelArts 按容器协议进行探测。仅当容器在其端口上提供 HTTPS 时保留 "https"，否则请写 "http"。`);
    f.fixes = [fix(L('Change to "http"', '改为 "http"'), [replaceNode(doc, node, 'http')])];
  } else if (code === 'MA111' && e.keyword === 'enum') {
    f.message = L(`health.protocol is "${String(value)}": the health check supports only "http".`, `health.protocol 为 "${String(value)}"：健康检查只支持 "http"。`);
    f.fixes = [fix(L('Change to "http"', '改为 "http"'), [replaceNode(doc, node, 'http')])];
  } else if (code === 'MA112') {
    f.message = healthNumberMessage(where, value, e);
  } else if (code === 'MA119') {
    f.message = L(`Metric ${where} is ${JSON.stringify(value)}: a metric is a number from 0 to 1.`, `指标 ${where} 为 ${JSON.stringify(value)}：指标应是 0 到 1 之间的数字。`);
  } else if (code === 'MA106' && e.keyword === 'not') {
    f.range = rangeOfNode(doc, keyNode(doc, path.slice(0, -1), 'runtime') ?? node);
    f.message = L('runtime is set on an Image model: the image itself is the runtime. Remove "runtime".', 'Image 模型设置了 runtime：镜像本身即运行环境。请删除 "runtime"。');
  } else if (code === 'MA110' && e.keyword === 'not') {
    f.range = rangeOfNode(doc, keyNode(doc, path.slice(0, -1), 'dependencies') ?? node);
    f.message = L('dependencies are not supported on an Image model: install packages in the Dockerfile (RUN pip install ...) and remove "dependencies".',
      'Image 模型不支持 dependencies：请在 Dockerfile 中安装依赖（RUN pip install ...），并删除 "dependencies"。');
  } else if (code === 'MA114' && e.keyword === 'enum' && text !== undefined) {
    const guess = nearest(text, DATA_TYPES);
    f.message = L(`${where}: "${text}" is not a type. Types allowed: ${DATA_TYPES.join(', ')} ("file" = an uploaded file).${guess ? ` Did you mean "${guess}"?` : ''}`,
      `${where}："${text}" 不是合法的类型。允许的类型：${DATA_TYPES.join('、')}（"file" 表示上传的文件）。${guess ? `是否应为 "${guess}"？` : ''}`);
    if (guess) f.fixes = [fix(L(`Change to "${guess}"`, `改为 "${guess}"`), [replaceNode(doc, node, guess)])];
  } else if (code === 'MA107') {
    if (e.keyword === 'maxItems') f.range = rangeOfNode(doc, keyNode(doc, path.slice(0, -1), 'apis') ?? node);
    f.message = e.keyword === 'maxItems'
      ? L(`A built-in engine serves one api only, at "/": ${where} has ${(value as unknown[]).length}. Keep one, or use model_type "Image" for more paths.`,
        `内置引擎只提供一个 api（url 为 "/"）：${where} 有 ${(value as unknown[]).length} 个。请只保留一个，或改用 model_type "Image"。`)
      : L(`A built-in engine serves only "/": ${where} is ${JSON.stringify(value)}. Change it to "/", or use model_type "Image".`,
        `内置引擎只提供 "/"：${where} 为 ${JSON.stringify(value)}。请改为 "/"，或改用 model_type "Image"。`);
    // Not when another api already serves "/" with that method: the fix would make a duplicate (MA113).
    if (e.keyword === 'const' && !rootTaken(doc, path)) f.fixes = [fix(L('Change to "/"', '改为 "/"'), [replaceNode(doc, node, '/')])];
  } else if (code === 'MA108') {
    f.message = L(`XGBoost, Scikit_Learn and Spark_MLlib accept only application/json: ${where} is ${JSON.stringify(value)}.`,
      `XGBoost、Scikit_Learn 与 Spark_MLlib 只接受 application/json：${where} 为 ${JSON.stringify(value)}。`);
    f.fixes = [fix(L('Change to "application/json"', '改为 "application/json"'), [replaceNode(doc, node, 'application/json')])];
  } else if (code === 'MA103' && (e.keyword === 'enum' || e.keyword === 'const')) {
    const allowed = ((e.params as { allowedValues?: unknown[] }).allowedValues ?? [(e.params as { allowedValue?: unknown }).allowedValue]).filter((v) => v !== '');
    const guess = text !== undefined ? nearest(text, allowed.map(String)) : undefined;
    f.message = L(`${where} is ${JSON.stringify(value)}; allowed: ${allowed.join(', ')}.${guess ? ` Did you mean "${guess}"?` : ''}`,
      `${where} 为 ${JSON.stringify(value)}；允许的取值：${allowed.join('、')}。${guess ? `是否应为 "${guess}"？` : ''}`);
    if (guess) f.fixes = [fix(L(`Change to "${guess}"`, `改为 "${guess}"`), [replaceNode(doc, node, guess)])];
  }
  return { key: e.instancePath, finding: f };
}

function healthNumberMessage(where: string, value: unknown, e: ErrorObject): ReturnType<typeof L> {
  const min = (e.parentSchema as SchemaNode).minimum as number;
  return L(`${where} is ${JSON.stringify(value)}: it must be a whole number ≥ ${min} (an integer, or a string of digits such as "${min + 5}").`,
    `${where} 为 ${JSON.stringify(value)}：应为不小于 ${min} 的整数（整数或数字字符串，如 "${min + 5}"）。`);
}

function genericMessage(e: ErrorObject, where: string, value: unknown): ReturnType<typeof L> {
  const v = JSON.stringify(value);
  if (e.parentSchema?.['x-code'] === 'MA114' || e.instancePath.includes('/data')) {
    return L(`${where} is not valid JSON Schema: it ${e.message ?? 'is invalid'} (value ${v}). Fix it so the console can describe the body.`,
      `${where} 不是合法的 JSON Schema：${e.message ?? ''}（取值 ${v}）。请改正，控制台才能正确描述消息体。`);
  }
  return L(`${where} ${e.message ?? 'is invalid'} (value ${v}).`, `${where} 取值无效（${v}）：${e.message ?? ''}。`);
}

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function valueAt(v: unknown, path: JSONPath): unknown {
  let cur = v;
  for (const p of path) cur = cur && typeof cur === 'object' ? (cur as Record<string | number, unknown>)[p] : undefined;
  return cur;
}

/** Whether an api other than the one at `path` (…, 'apis', i, 'url') already has url "/" with the same method. */
function rootTaken(doc: ConfigDoc, path: (string | number)[]): boolean {
  const apis = valueAt(doc.value, path.slice(0, -2));
  const self = valueAt(doc.value, path.slice(0, -1)) as { method?: unknown } | undefined;
  if (!Array.isArray(apis)) return false;
  const method = String(self?.method ?? '').toLowerCase();
  return apis.some((a, i) => i !== path[path.length - 2] && a?.url === '/' && String(a?.method ?? '').toLowerCase() === method);
}
