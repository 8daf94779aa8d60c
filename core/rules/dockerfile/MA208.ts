// MA208: A secret is baked into the image. Page: docs/rules/MA208.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in content.ts until it moves here.
import { ma208 } from './content';

export default defineRule({
  meta: {
    code: 'MA208',
    family: 'dockerfile',
    severity: 'warning',
    title: L('A secret is baked into the image', '镜像中包含密钥'),
  },
  messages: {},
  check: ma208,
});
