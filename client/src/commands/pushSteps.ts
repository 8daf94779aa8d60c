// The editor's push, the parts without VS Code (unit-tested in test/client/push.test.ts): the edit that writes
// swr_location into config.json, the console to create the model in, and the per-layer progress line.
import { applyEdits, modify } from 'jsonc-parser';
import { L } from '../../../core/i18n';
import type { Lang, Localized } from '../../../core/types';
import { formatBytes } from '../../../core/units';
import { layerStatus } from '../../../engine/push/messages';

/** config.json with `"swr_location": ref` set (added or replaced), formatting and comments kept. */
export function withSwrLocation(text: string, ref: string): string {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indent = /\n( +|\t)"/.exec(text)?.[1] ?? '  ';
  const edits = modify(text, ['swr_location'], ref, { formattingOptions: { insertSpaces: !indent.startsWith('\t'), tabSize: indent.length, eol } });
  return applyEdits(text, edits);
}

/** The ModelArts console of the registry's region (Huawei Cloud's SWR hosts), where the model is created. */
export function consoleUrl(registry: string): string | undefined {
  const m = /^swr\.([a-z0-9-]+)\.myhuaweicloud\.com$/.exec(registry);
  return m ? `https://console.huaweicloud.com/modelarts/?region=${m[1]}` : undefined;
}

export const nextStep = (ref: string): Localized => L(
  `Next: in the ModelArts console, Model Management → Create Model, Meta Model Source "Container image", choose ${ref}; `
    + 'the model takes this folder\'s config.json (apis, health).',
  `下一步：在 ModelArts 控制台 模型管理 → 创建模型，元模型来源选择"容器镜像"，选择 ${ref}；模型使用本目录的 config.json（apis、health）。`);

interface LayerLike { id: string; status: string; current: number; total: number; percent: number }

/** The notification's line and its overall percent: the layer that moved, and the bytes of all layers. */
export function progressLine(layer: LayerLike, layers: Iterable<LayerLike>, lang: Lang = 'en'): { message: string; percent: number } {
  let cur = 0;
  let tot = 0;
  let n = 0;
  let done = 0;
  for (const l of layers) {
    n++;
    if (l.percent === 100) done++;
    cur += l.percent === 100 ? Math.max(l.total, l.current) : l.current;
    tot += Math.max(l.total, l.current);
  }
  const bytes = layer.total > 0 ? ` ${formatBytes(layer.current, 'MB')} / ${formatBytes(layer.total, 'MB')}` : '';
  const message = `${layer.id} ${layerStatus(layer.status, lang)}${bytes} (${layer.percent}%) · ${done}/${n}`;
  return { message, percent: tot > 0 ? Math.floor((cur / tot) * 100) : 0 };
}
