// The nesting limit of config.json: exact at the limit, whether or not the openers-count fast path decides.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { tooDeepAt, MAX_CONFIG_DEPTH } from '../../core/parse/config';

const nested = (n: number) => '['.repeat(n) + ']'.repeat(n);

test('nesting at the limit passes, one level more is found where it crosses', () => {
  assert.equal(tooDeepAt(nested(MAX_CONFIG_DEPTH)), -1);
  assert.equal(tooDeepAt(nested(MAX_CONFIG_DEPTH + 1)), MAX_CONFIG_DEPTH);
  assert.equal(tooDeepAt('{"a": ' + nested(MAX_CONFIG_DEPTH + 1) + '}'), 6 + MAX_CONFIG_DEPTH - 1);
});

test('many shallow openers (past the fast path) are not too deep; brackets in strings and comments do not count', () => {
  const wide = '[' + Array.from({ length: 3 * MAX_CONFIG_DEPTH }, () => '{"x": [1]}').join(',') + ']';
  assert.equal(tooDeepAt(wide), -1);
  const inString = '{"s": "' + '['.repeat(2 * MAX_CONFIG_DEPTH) + '"}';
  assert.equal(tooDeepAt(inString), -1);
  const inComment = '// ' + '{'.repeat(2 * MAX_CONFIG_DEPTH) + '\n{}';
  assert.equal(tooDeepAt(inComment), -1);
});
