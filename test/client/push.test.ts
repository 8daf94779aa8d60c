// The editor's push without VS Code: writing swr_location into config.json (kept formatting and comments), the
// console link of the registry's region, and the notification's per-layer line with the overall percent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleUrl, nextStep, progressLine, withSwrLocation } from '../../client/src/commands/pushSteps';

test('withSwrLocation adds swr_location, or replaces it, keeping comments and the indentation', () => {
  const added = withSwrLocation('{\n    // the model\n    "model_type": "Image"\n}\n', '127.0.0.1:5000/org/m:1');
  assert.equal(added, '{\n    // the model\n    "model_type": "Image",\n    "swr_location": "127.0.0.1:5000/org/m:1"\n}\n');
  const replaced = withSwrLocation('{\r\n  "swr_location": "old",\r\n  "model_type": "Image"\r\n}', 'swr.cn-north-4.myhuaweicloud.com/o/m:2');
  assert.equal(replaced, '{\r\n  "swr_location": "swr.cn-north-4.myhuaweicloud.com/o/m:2",\r\n  "model_type": "Image"\r\n}');
});

test('consoleUrl: the ModelArts console of an SWR region; none for other registries', () => {
  assert.equal(consoleUrl('swr.cn-north-4.myhuaweicloud.com'), 'https://console.huaweicloud.com/modelarts/?region=cn-north-4');
  assert.equal(consoleUrl('127.0.0.1:5000'), undefined);
  assert.match(nextStep('x').zh, /创建模型/);
});

test('progressLine: the moving layer with its bytes, the count of finished layers, the percent over all bytes', () => {
  const a = { id: 'aaaaaaaaaaaa', status: 'Pushed', current: 2 * 1024 ** 2, total: 2 * 1024 ** 2, percent: 100 };
  const b = { id: 'bbbbbbbbbbbb', status: 'Pushing', current: 1024 ** 2, total: 6 * 1024 ** 2, percent: 16 };
  const p = progressLine(b, [a, b]);
  assert.equal(p.message, 'bbbbbbbbbbbb Pushing 1.0 MB / 6.0 MB (16%) · 1/2');
  assert.equal(p.percent, 37);
});
