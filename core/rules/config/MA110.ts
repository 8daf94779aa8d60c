// MA110: dependencies are not supported on an Image model. Page: docs/rules/MA110.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
import type { ConfigRuleIn, SchemaHit, SchemaRead } from '../../analysis/config/rule';
import { forbiddenKey } from '../../analysis/config/schemaReads';

const messages = {
  onImage: L('dependencies are not supported on an Image model: install packages in the Dockerfile (RUN pip install ...) and remove '
      + '"dependencies".',
    'Image 模型不支持 dependencies：请在 Dockerfile 中安装依赖（RUN pip install ...），并删除 "dependencies"。'),
};

/** The schema forbids dependencies on an Image model (`not`): reported at the key. */
const fromSchema = (hit: SchemaHit): SchemaRead => ({ finding: forbiddenKey(hit, 'dependencies', messages.onImage) });

export default defineRule({
  meta: {
    code: 'MA110',
    family: 'config',
    severity: 'error',
    title: L('dependencies are not supported on an Image model', 'Image 模型不支持 dependencies'),
    rank: 6,
  },
  messages,
  fromSchema,
} satisfies ConfigRuleIn);
