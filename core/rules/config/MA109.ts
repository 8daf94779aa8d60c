// MA109: package_version and restraint must be given together. Page: docs/rules/MA109.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA109',
    family: 'config',
    severity: 'error',
    title: L('package_version and restraint must be given together', 'package_version 与 restraint 必须同时给出'),
  },
  messages: {},
});
