// Human-readable findings: one line each (path:line:col severity CODE message), then a summary.
import type { Finding, Lang } from '../../core/types';
import { countBySeverity, flatten } from './findings';
import { severityWord } from '../../core/i18n';

const plural = (n: number, noun: string): string => `${n} ${noun}${n === 1 ? '' : 's'}`;

export function formatText(findings: Finding[], lang: Lang, foldersChecked: number): string {
  const lines = findings.map((f) => {
    const x = flatten(f, lang);
    const word = lang === 'zh-cn' ? severityWord(f.severity, lang) : x.severity.padEnd(7);
    return `${x.file}:${x.line}:${x.column}: ${word} ${x.code} ${x.message}`;
  });
  const c = countBySeverity(findings);
  const zh = lang === 'zh-cn';
  lines.push(
    zh
      ? `已检查 ${foldersChecked} 个模型目录：${c.error} 个错误，${c.warning} 个警告，${c.info + c.hint} 条提示。`
      : `${plural(foldersChecked, 'model folder')} checked: ${plural(c.error, 'error')}, ${plural(c.warning, 'warning')}, ` +
        `${plural(c.info + c.hint, 'note')}.`,
  );
  return lines.join('\n') + '\n';
}
