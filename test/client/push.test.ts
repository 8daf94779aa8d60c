// The editor's push without VS Code: writing swr_location into config.json (kept formatting and comments), the
// console link of the registry's region, and the notification's per-layer line with the overall percent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consoleUrl, nextStep, progressLine, withSwrLocation } from '../../client/src/commands/pushSteps';
import { layerStatus } from '../../engine/push/messages';
import { formatLayer, layerKey } from '../../engine/push/format';

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
  assert.equal(progressLine(b, [a, b], 'zh-cn').message, 'bbbbbbbbbbbb 推送中 1.0 MB / 6.0 MB (16%) · 1/2');
});

test('layer statuses: the engine\'s words in Chinese for a zh-cn report, an unknown one as it came, English untouched', () => {
  const zh = (s: string) => layerStatus(s, 'zh-cn');
  assert.deepEqual(['Preparing', 'Waiting', 'Pushing', 'Pushed', 'Layer already exists'].map(zh), ['准备中', '等待中', '推送中', '已推送', '层已存在']);
  assert.equal(zh('Mounted from kit-test/green'), '已从 kit-test/green 挂载');
  assert.equal(zh('Retrying in 5 seconds'), '5 秒后重试');
  assert.equal(zh('Retrying in 1 second'), '1 秒后重试');
  assert.equal(zh('Something new'), 'Something new');
  assert.equal(layerStatus('Pushed', 'en'), 'Pushed');
  // The CLI's line keeps its columns with the wider Chinese words.
  const l = { id: 'aaaaaaaaaaaa', status: 'Pushed', current: 1024 ** 2, total: 1024 ** 2, percent: 100 };
  assert.equal(formatLayer(l, 'zh-cn').indexOf('1.0 MB'), formatLayer(l, 'en').indexOf('1.0 MB') - 'Pushed'.length + '已推送'.length);
});

test('layer lines: one per status and quarter; a retry\'s countdown and a push\'s bytes within a quarter are one line each', () => {
  const at = (status: string, percent = 50) => layerKey({ id: 'aaaaaaaaaaaa', status, current: 0, total: 0, percent });
  assert.equal(at('Retrying in 12 seconds'), at('Retrying in 1 second'));
  assert.notEqual(at('Retrying in 5 seconds'), at('Pushing'), 'back to pushing after a retry is a new line');
  assert.equal(at('Pushing', 50), at('Pushing', 74));
  assert.notEqual(at('Pushing', 74), at('Pushing', 75));
  assert.notEqual(at('Pushed', 100), at('Pushing', 100));
  assert.notEqual(at('Preparing', 0), at('Waiting', 0));
});
