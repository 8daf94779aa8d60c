// MA101: A required field is missing. Page: docs/rules/MA101.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { openingRange } from '../../analysis/config/paths';
import { fix, insertProperty } from '../../analysis/config/edits';

const messages = {
  missing: (prop: string, where: string) => L(`Required field "${prop}" is missing in ${where}. Add it.`, `${where} 缺少必填字段 "${prop}"，请补充。`),
  addFix: (prop: string) => L(`Add "${prop}"`, `添加 "${prop}"`),
};

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

/** A missing field is reported at the object that lacks it, with a fix that inserts a placeholder (not in broken JSON). */
function fromSchema(hit: SchemaHit): SchemaRead {
  const { doc, error, path, where } = hit;
  if (error.keyword !== 'required') return { finding: hit.generic() };
  const prop = String((error.params as { missingProperty: string }).missingProperty);
  const fixes = doc.syntaxErrors.length ? undefined : [fix(messages.addFix(prop), insertProperty(doc, path, prop, PLACEHOLDER[prop] ?? ''))];
  return {
    key: error.instancePath + '!' + prop,
    finding: { code: hit.code, file: doc.file, range: openingRange(doc, path), message: messages.missing(prop, where), fixes },
  };
}

export default defineRule({
  meta: {
    code: 'MA101',
    family: 'config',
    severity: 'error',
    title: L('A required field is missing', '缺少必填字段'),
    rank: 15,
  },
  messages,
  fromSchema,
  trust: 'missing',
} satisfies ConfigRuleIn);
