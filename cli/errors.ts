// What a command that could not run says (exit 3): no engine answers, the engine refused, anything else, in the
// chosen language.
import { pick } from '../core/i18n';
import type { Lang } from '../core/types';
import { EngineUnavailableError } from '../engine/connect';
import { EngineRefusedError } from '../engine/report';

export function runErrorText(e: unknown, lang: Lang): string {
  if (e instanceof EngineUnavailableError) {
    if (lang !== 'zh-cn') return e.message;
    const tried = e.tried.map((t) => `  - ${t.endpoint.url}（${t.endpoint.source}）：${t.error}`).join('\n');
    return `没有可用的容器引擎。已尝试：\n${tried}\n${e.hint.zh}`;
  }
  if (e instanceof EngineRefusedError) return pick(e.text, lang);
  return e instanceof Error ? e.message : String(e);
}
