// MA106: runtime set for an Image model or unknown for its engine. Page: docs/rules/MA106.md
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { rangeOfNode } from '../../analysis/config/paths';
import { forbiddenKey } from '../../analysis/config/schemaReads';

const messages = {
  unknown: (runtime: string, engine: string) => L(
    `runtime "${runtime}" is not a known runtime of ${engine}. Check the runtime list of your region (e.g. python3.6).`,
    `runtime "${runtime}" 不是 ${engine} 的已知运行时。请查看所在区域的运行时列表（如 python3.6）。`),
  onImage: L('runtime is set on an Image model: the image itself is the runtime. Remove "runtime".',
    'Image 模型设置了 runtime：镜像本身即运行环境。请删除 "runtime"。'),
};

/** Runtimes named in the docs, per engine (2021 zh table, 2022 OTC table, 2025 runtime API example). */
const KNOWN_RUNTIMES: Record<string, readonly string[]> = {
  TensorFlow: ['python3.6', 'python2.7', 'tf1.13-python2.7-gpu', 'tf1.13-python2.7-cpu', 'tf1.13-python3.6-gpu', 'tf1.13-python3.6-cpu',
    'tf1.13-python3.7-cpu', 'tf1.13-python3.7-gpu', 'tf2.1-python3.7', 'tf1.15-aarch64-c76-d910', 'tf1.13-python3.7-aiflow-gpu',
    'tf1.13-python3.7-gpu-async'],
  MXNet: ['python3.7', 'python3.6', 'python2.7'],
  Caffe: ['python2.7', 'python3.6', 'python3.7', 'python2.7-gpu', 'python3.6-gpu', 'python3.7-gpu', 'python2.7-cpu', 'python3.6-cpu', 'python3.7-cpu'],
  Spark_MLlib: ['python2.7', 'python3.6'],
  Scikit_Learn: ['python2.7', 'python3.6'],
  XGBoost: ['python2.7', 'python3.6'],
  PyTorch: ['python2.7', 'python3.6', 'python3.7', 'pytorch1.4-python3.7'],
  MindSpore: ['ms1.1-python3.7-c76'],
};

/** "Unified" runtimes follow <engine>_<version>-<hardware>-py_<x>-<os>-<arch>; the list changes by region. */
const UNIFIED: Record<string, RegExp> = {
  TensorFlow: /^tensorflow_\d[\w.]*(-[\w.]+)+$/,
  PyTorch: /^pytorch_\d[\w.]*(-[\w.]+)+$/,
  MindSpore: /^mindspore_\d[\w.]*(-[\w.]+)+$/,
};

const BUILT_IN = new Set(['TensorFlow', 'MXNet', 'Caffe', 'Spark_MLlib', 'Scikit_Learn', 'XGBoost', 'PyTorch', 'MindSpore']);

const isKnownRuntime = (engine: string, runtime: string): boolean =>
  (KNOWN_RUNTIMES[engine]?.includes(runtime) ?? true) || (UNIFIED[engine]?.test(runtime) ?? false);

/** A runtime the docs never named for this engine (a warning: the lists change by region and over time). */
function unknownRuntime(doc: ConfigDoc): RawFinding[] {
  const v = doc.value as { model_type?: unknown; runtime?: unknown };
  const type = typeof v.model_type === 'string' ? v.model_type : undefined;
  if (!type || !BUILT_IN.has(type) || typeof v.runtime !== 'string' || v.runtime === '' || isKnownRuntime(type, v.runtime)) return [];
  const n = doc.nodeAt(['runtime']);
  return n ? [{ code: 'MA106', file: doc.file, range: rangeOfNode(doc, n), message: messages.unknown(v.runtime, type) }] : [];
}

/** The schema forbids runtime on an Image model (`not`): reported at the key. */
const fromSchema = (hit: SchemaHit): SchemaRead => ({ finding: forbiddenKey(hit, 'runtime', messages.onImage) });

export default defineRule({
  meta: {
    code: 'MA106',
    family: 'config',
    severity: 'warning',
    title: L('runtime set for an Image model or unknown for its engine', 'Image 模型设置了 runtime，或 runtime 不是该引擎的已知取值'),
    rank: 5,
  },
  messages,
  semantic: unknownRuntime,
  fromSchema,
} satisfies ConfigRuleIn);
