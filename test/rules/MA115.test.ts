// MA115: Misspelled content type.
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, withApi } from '../core/config-helpers';

ruleTester('MA115', {
  valid: [
    { name: 'close case: application/json', files: configOnly(withApi({ response: { 'Content-type': 'application/json' } })) },
    { name: 'close case: multipart/form-data', files: configOnly(withApi({ request: { 'Content-type': 'multipart/form-data' } })) },
  ],
  invalid: [
    { name: 'applicaton/json', files: configOnly(withApi({ response: { 'Content-type': 'applicaton/json' } })) },
    { name: 'multipart/form-date', files: configOnly(withApi({ request: { 'Content-type': 'multipart/form-date' } })) },
  ],
});
