// MA114: request.data / response.data is not a valid JSON Schema. Page: docs/rules/MA114.md
import { L } from '../../i18n';
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'MA114',
    family: 'config',
    severity: 'warning',
    title: L('request.data / response.data is not a valid JSON Schema', 'request.data / response.data 不是合法的 JSON Schema'),
  },
  messages: {},
});
