// MA116: An Image model without health. Page: docs/rules/MA116.md
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { ConfigRuleIn } from '../../analysis/config/rule';
import { openingRange, type Obj } from '../../analysis/config/paths';
import { fix, insertProperty } from '../../analysis/config/edits';

const messages = {
  noHealth: L('This Image model has no "health" check: ModelArts cannot tell when the container is ready, and rolling upgrades '
      + 'interrupt the service. Add "health" with the url of a GET endpoint that answers 200.',
    '该 Image 模型未配置 "health" 健康检查：ModelArts 无法判断容器何时就绪，滚动升级会中断服务。请添加 "health"，其 url 指向返回 200 的 GET 接口。'),
  addFix: L('Add a health check on /health', '添加 /health 健康检查'),
};

const HEALTH = { url: '/health', protocol: 'http', initial_delay_seconds: '12', timeout_seconds: '30' };

function noHealth(doc: ConfigDoc): RawFinding[] {
  const v = doc.value as Obj;
  if (v.model_type !== 'Image' || v.health !== undefined) return [];
  return [{
    code: 'MA116', file: doc.file, range: openingRange(doc, []), message: messages.noHealth,
    fixes: doc.syntaxErrors.length ? undefined : [fix(messages.addFix, insertProperty(doc, [], 'health', HEALTH), false)],
  }];
}

export default defineRule({
  meta: {
    code: 'MA116',
    family: 'config',
    severity: (p) => (p === 'current' ? 'warning' : 'info'),
    title: L('An Image model without health', 'Image 模型未配置 health'),
  },
  messages,
  semantic: noHealth,
  trust: 'missing',
} satisfies ConfigRuleIn);
