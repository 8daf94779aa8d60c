// MA113: An api url not starting with /, or duplicated url and method.
import * as assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, goodImage, img, json, withApi } from '../core/config-helpers';

ruleTester('MA113', {
  valid: [
    { name: 'close case: url /predict', files: configOnly(withApi({ url: '/predict' })) },
    { name: 'close case: the same url with another method', files: configOnly(img({ apis: [{ url: '/a' }, { url: '/a', method: 'get' }] })) },
  ],
  invalid: [
    { name: 'url without /', files: configOnly(withApi({ url: 'predict' })) },
    { name: 'duplicate url+method', files: configOnly(img({ apis: [{ url: '/a' }, { url: '/a', method: 'POST' }] })) },
    {
      name: 'fix: add the leading slash',
      files: configOnly(json({ ...goodImage(), apis: [{ url: 'predict' }] })),
      firstFix: (after) => assert.equal(JSON.parse(after.files['config.json']).apis[0].url, '/predict'),
    },
  ],
});
