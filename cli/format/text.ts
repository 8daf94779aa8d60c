// Human-readable findings: one line each (path:line:col severity CODE message), then a summary.
import type { Finding, Lang } from '../../core/types';
import { countBySeverity, flatten } from './findings';

export function formatText(findings: Finding[], lang: Lang, foldersChecked: number): string {
  const lines = findings.map((f) => {
    const x = flatten(f, lang);
    return `${x.file}:${x.line}:${x.column}: ${x.severity.padEnd(7)} ${x.code} ${x.message}`;
  });
  const c = countBySeverity(findings);
  const zh = lang === 'zh-cn';
  lines.push(
    zh
      ? `已检查 ${foldersChecked} 个模型目录：${c.error} 个错误，${c.warning} 个警告，${c.info + c.hint} 条提示。`
      : `${foldersChecked} model folder${foldersChecked === 1 ? '' : 's'} checked: ${c.error} error${c.error === 1 ? '' : 's'}, ${c.warning} warning${c.warning === 1 ? '' : 's'}, ${c.info + c.hint} note${c.info + c.hint === 1 ? '' : 's'}.`,
  );
  return lines.join('\n') + '\n';
}
