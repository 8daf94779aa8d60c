// The push report as people read it: the checks in the `test` report's format, the verdict, and the next step.
import { L, pick } from '../../core/i18n';
import { formatSeconds } from '../../core/units';
import type { Lang } from '../../core/types';
import { checkLines } from '../format';
import { displayWidth, padTo } from '../reportText';
import { layerStatus } from './messages';
import type { PushReport } from './index';
import type { LayerProgress } from './progress';
import { formatBytes } from '../../core/units';

const words = {
  head: (folder: string, target: string) => L(`ModelArts push: ${folder} → ${target}`, `ModelArts 推送：${folder} → ${target}`),
  pushed: (ref: string, media: string, time: string) => L(`PUSHED: ${ref} (${media}) in ${time}`, `已推送：${ref}（${media}），用时 ${time}`),
  notPushed: L('NOT PUSHED: fix the failed checks above and push again.', '未推送：请修复上面未通过的检查后重新推送。'),
  failed: L('FAILED', '失败'),
  next: (target: string) => L(
    `Next: in the ModelArts console, Model Management → Create Model → Meta Model Source "Container image", choose ${target}; `
      + 'the model\'s config.json (apis, health) is this folder\'s, with "swr_location" set to that address.',
    `下一步：在 ModelArts 控制台 模型管理 → 创建模型 → 元模型来源选择"容器镜像"，选择 ${target}；`
      + '模型的 config.json（apis、health）即本目录中的文件，其中 "swr_location" 设为该地址。'),
};

export function formatPushText(r: PushReport, lang: Lang, color = false): string {
  const paint = (code: number, s: string) => (color ? `\x1b[${code}m${s}\x1b[0m` : s);
  const out = [pick(words.head(r.folder, r.target), lang)];
  const width = Math.max(10, ...r.checks.map((c) => displayWidth(c.title)));
  for (const c of r.checks) out.push(...checkLines(c, width, paint, lang));
  out.push('');
  if (r.passed) {
    out.push(paint(32, pick(words.pushed(`${r.target}@${r.digest}`, r.mediaType ?? '?', formatSeconds(r.timings.total ?? 0)), lang)));
    out.push(pick(words.next(r.target), lang));
  } else if (r.error) out.push(`${paint(31, pick(words.failed, lang))}: ${r.error.message}`);
  else if (!r.checks.some((c) => c.id === 'push')) out.push(paint(31, pick(words.notPushed, lang)));
  else out.push(paint(31, pick(words.failed, lang)));
  return out.join('\n') + '\n';
}

/** One layer's progress line: `  0e35958ba227 Pushing   12.3 MB / 45.6 MB  27%` (the status in `lang`). */
export function formatLayer(l: LayerProgress, lang: Lang = 'en'): string {
  const bytes = l.total > 0 ? `${formatBytes(l.current, 'MB')} / ${formatBytes(l.total, 'MB')}` : '';
  return `  ${l.id} ${padTo(layerStatus(l.status, lang), 20)} ${bytes.padStart(21)} ${String(l.percent).padStart(3)}%`;
}

/**
 * What a layer's line says, for printing only on change: its status and each 25 % of its bytes. "Pushing" moves its
 * bytes and "Retrying in N seconds" counts down every second: each is one line until its status or quarter changes.
 */
export const layerKey = (l: LayerProgress): string => `${l.status.replace(/^(Pushing|Retrying in)\b.*/, '$1')}:${Math.floor(l.percent / 25)}`;
