// MA102: A field has the wrong type (the root included: valid JSON that is no object).
import * as assert from 'node:assert/strict';
import { applyFix, check, configCodes, ruleTester } from '../helpers/ruleTester';
import { configOnly, img, json } from '../core/config-helpers';
import type { Finding } from '../../core/types';

const API = { url: '/', method: 'post', request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' } };

const notObject = ([text, what]: [string, string]) => ({
  name: `${text}: MA102 naming what it is, no wrap fix`,
  files: configOnly(text),
  exact: ['MA102'],
  then: ([f]: Finding[]) => {
    assert.ok(f.message.en.includes(`holds ${what}`), f.message.en);
    assert.equal(f.fixes, undefined);
  },
});

ruleTester('MA102', {
  valid: [{ name: 'close case: apis is an array', files: configOnly(img({ apis: [{ url: '/' }] })) }],
  invalid: [
    { name: 'apis not an array', files: configOnly(img({ apis: { url: '/' } })) },
    { name: 'a root that is not an object is one clear finding', files: configOnly('[1, 2]'), exact: ['MA102'] },
    {
      name: 'a bare apis list: one MA102 that says so, and a fix that wraps it as {"apis": [...]}',
      files: configOnly(json([API])),
      exact: ['MA102'],
      message: /bare list of apis/,
      then: ([f], all) => {
        assert.match(f.message.zh, /apis 列表/);
        const fixed = applyFix(all.files, f.fixes![0]);
        assert.deepEqual(JSON.parse(fixed['config.json']), { apis: [API] });
        // After the wrap, what is left is said by the ordinary rules (model_algorithm and model_type missing).
        assert.deepEqual([...new Set(configCodes(check(fixed)))], ['MA101']);
      },
    },
    ...([['"config"', 'a JSON string'], ['42', 'a JSON number'], ['[1, 2]', 'a JSON array'], ['null', 'null']] as [string, string][]).map(notObject),
  ],
});
