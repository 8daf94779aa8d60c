// MA304: A model folder misses its config.json or Dockerfile. Page: docs/rules/MA304.md
import { L } from '../../i18n';
import { defineRule } from '../rule';
// Moving: the check still lives in missing.ts until it moves here.
import { ma304 } from './missing';

export default defineRule({
  meta: {
    code: 'MA304',
    family: 'project',
    severity: 'info',
    title: L('A model folder misses its config.json or Dockerfile', '模型目录缺少 config.json 或 Dockerfile'),
  },
  messages: {},
  check: ma304,
});
