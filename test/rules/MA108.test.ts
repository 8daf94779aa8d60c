// MA108: Machine-learning engines accept only application/json.
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, json, tf } from '../core/config-helpers';

const MULTIPART = { 'Content-type': 'multipart/form-data' };

ruleTester('MA108', {
  valid: [{ name: 'close case: multipart on TensorFlow', files: configOnly(tf({ apis: [{ url: '/', request: MULTIPART }] })) }],
  invalid: [
    { name: 'XGBoost multipart', files: configOnly(json({ model_algorithm: 'a', model_type: 'XGBoost', apis: [{ url: '/', request: MULTIPART }] })) },
    {
      name: 'fix: the content type of ML engines',
      files: configOnly(json({ model_algorithm: 'a', model_type: 'Scikit_Learn', apis: [{ url: '/', request: MULTIPART }] })),
      firstFix: true,
    },
  ],
});
