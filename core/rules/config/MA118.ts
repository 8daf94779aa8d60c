// MA118: An Image model without apis. Page: docs/rules/MA118.md
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { ConfigRuleIn } from '../../analysis/config/rule';
import { keyNode, openingRange, rangeOfNode, type Obj } from '../../analysis/config/paths';
import { fix, insertProperty } from '../../analysis/config/edits';

const messages = {
  noApis: L('This Image model declares no "apis": the console will have no API to call. Add one entry per path the image serves.',
    '该 Image 模型未声明 "apis"：控制台将没有可调用的 API。请为镜像提供的每个路径各添加一项。'),
  addFix: L('Add an api on /', '添加 / 上的 api'),
};

const API = { url: '/', method: 'post', request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' } };

/** No apis, or an empty list (reported at its key; the fix adds one only where there is no key yet). */
function noApis(doc: ConfigDoc): RawFinding[] {
  const v = doc.value as Obj;
  if (v.model_type !== 'Image' || !(v.apis === undefined || (Array.isArray(v.apis) && v.apis.length === 0))) return [];
  const apisKey = keyNode(doc, [], 'apis');
  return [{
    code: 'MA118', file: doc.file, range: apisKey ? rangeOfNode(doc, apisKey) : openingRange(doc, []), message: messages.noApis,
    fixes: doc.syntaxErrors.length || apisKey ? undefined : [fix(messages.addFix, insertProperty(doc, [], 'apis', [API]), false)],
  }];
}

export default defineRule({
  meta: {
    code: 'MA118',
    family: 'config',
    severity: 'warning',
    title: L('An Image model without apis', 'Image 模型未配置 apis'),
  },
  messages,
  semantic: noApis,
  trust: 'missing',
} satisfies ConfigRuleIn);
