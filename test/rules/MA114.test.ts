// MA114: request.data / response.data is not a valid JSON Schema.
import * as assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, goodImage, json, withApi } from '../core/config-helpers';

const propertyType = (type: string) => configOnly(withApi({ request: { data: { type: 'object', properties: { a: { type } } } } }));

ruleTester('MA114', {
  valid: [
    { name: 'close case: items', files: configOnly(withApi({ response: { data: { type: 'array', items: [{ type: 'string' }] } } })) },
    { name: 'close case: type file', files: propertyType('file') },
  ],
  invalid: [
    { name: 'item', files: configOnly(withApi({ response: { data: { type: 'array', item: [{ type: 'string' }] } } })) },
    { name: 'bad type', files: propertyType('image') },
    {
      name: 'fix: a data type near miss',
      files: configOnly(json({ ...goodImage(), apis: [{ url: '/', request: { data: { type: 'object', properties: { img: { type: 'fiel' } } } } }] })),
      firstFix: (after) => assert.equal(JSON.parse(after.files['config.json']).apis[0].request.data.properties.img.type, 'file'),
    },
  ],
});
