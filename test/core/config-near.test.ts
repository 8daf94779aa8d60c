// Near-miss matching used by several config rules (did-you-mean of MA103, MA104, MA114, MA115). The value formats
// of single rules (model_algorithm, swr_location, runtimes) are tested in test/rules/MA105, MA117 and MA106.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { editDistance, nearest } from '../../core/analysis/config/near';

test('near misses', () => {
  assert.equal(editDistance('procotol', 'protocol'), 2);
  assert.equal(editDistance('itmes', 'items'), 1, 'adjacent transposition is one edit');
  assert.equal(nearest('procotol', ['protocol', 'url', 'method']), 'protocol');
  assert.equal(nearest('Content-Type', ['Content-type', 'data']), 'Content-type');
  assert.equal(nearest('ulr', ['url', 'protocol']), 'url');
  assert.equal(nearest('foo', ['url', 'protocol']), undefined);
  assert.equal(nearest('protocol', ['protocol']), undefined);
  assert.equal(nearest('applicaton/json', ['application/json', 'multipart/form-data'], 3), 'application/json');
  assert.equal(nearest('text/plain', ['application/json', 'multipart/form-data'], 3), undefined);
});
