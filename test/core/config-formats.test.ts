// Value formats and near-miss matching used by the config rules.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { swrProblem, modelAlgorithmProblem, isKnownRuntime } from '../../core/rules/config/formats';
import { editDistance, nearest } from '../../core/rules/config/near';

test('SWR addresses', () => {
  for (const ok of [
    'swr.cn-north-4.myhuaweicloud.com/my-org/my-model:1.0.0',
    'swr.sa-brazil-1.myhuaweicloud.com/myorg/myapp:0.0.1',
    'swr.cn-north-4.myhuaweicloud.com/atelier/pytorch_1_8:pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64-20221118143845-d65d817',
    'swr.eu-de.otc.t-systems.com/team/model/v2:latest',
    '100.125.5.235:20202/models/abc:1',
    'swr.cn-north-4.myhuaweicloud.com/a__b/repo:1',
  ]) assert.equal(swrProblem(ok), undefined, ok);
  const bad: [string, RegExp][] = [
    ['docker.io/library/python:3.10', /not an SWR registry/],
    ['swr.cn-north-4.myhuaweicloud.com/org/repo', /no tag/],
    ['swr.cn-north-4.myhuaweicloud.com/Org/repo:1', /organization "Org"/],
    ['swr.cn-north-4.myhuaweicloud.com/a___b/repo:1', /organization/],
    ['swr.cn-north-4.myhuaweicloud.com/a_-b/repo:1', /organization/],
    ['swr.cn-north-4.myhuaweicloud.com/org-/repo:1', /organization/],
    ['swr.cn-north-4.myhuaweicloud.com/org/Repo:1', /repository "Repo"/],
    ['swr.cn-north-4.myhuaweicloud.com/org/repo:-bad', /tag/],
    ['my-model:1.0', /not an SWR image address/],
  ];
  for (const [v, re] of bad) assert.match(swrProblem(v)?.en ?? '', re, v);
});

test('model_algorithm format', () => {
  assert.equal(modelAlgorithmProblem('image_classification'), undefined);
  assert.equal(modelAlgorithmProblem('a'.repeat(36)), undefined);
  assert.match(modelAlgorithmProblem('_x')!.en, /start with an English letter/);
  assert.match(modelAlgorithmProblem('a'.repeat(37))!.en, /37 characters/);
  assert.match(modelAlgorithmProblem('a图像')!.en, /Chinese/);
  assert.match(modelAlgorithmProblem('a<b')!.en, /"<"/);
});

test('runtimes per engine', () => {
  assert.ok(isKnownRuntime('TensorFlow', 'tf1.13-python3.6-gpu'));
  assert.ok(isKnownRuntime('PyTorch', 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64'));
  assert.ok(!isKnownRuntime('XGBoost', 'python3.9'));
  assert.ok(!isKnownRuntime('TensorFlow', 'pytorch_1.8.0-cuda_10.2-py_3.7-ubuntu_18.04-x86_64'));
});

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
