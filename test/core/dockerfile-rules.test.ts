// The good online Dockerfile and ARG/ENV variables, checked with the real rules. Each rule's own cases:
// test/rules/MAxxx.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ours, check } from '../fixtures/dockerfile/harness';
import { GOOD, online } from '../helpers/folders';

const codes = (dockerfile: string, extra: Record<string, string> = {}) => ours(check(online(dockerfile, extra)));

test('the good online Dockerfile is clean', () => {
  assert.deepEqual(codes(GOOD), []);
});

test('variables: ENV wins over ARG of the same name; a stage built FROM another inherits its ENV', () => {
  assert.deepEqual(codes(GOOD.replace('EXPOSE 8080', 'ARG PORT=5000\nENV PORT=8080\nEXPOSE $PORT')), []);
  assert.deepEqual(codes(GOOD.replace('EXPOSE 8080', 'ENV PORT=5000\nARG PORT=8080\nEXPOSE $PORT')), ['MA201']);
  assert.deepEqual(codes('FROM python:3.11-slim AS base\nENV P=8080\nFROM base\nCOPY server.py /s.py\nEXPOSE ${P}\nUSER 1000:100\n' +
    'CMD ["python3", "/s.py"]\n'), []);
});
