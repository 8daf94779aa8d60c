// MA111: health.url missing or not starting with /, or health.protocol not http.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { ruleTester } from '../helpers/ruleTester';
import { configOnly, goodImage, img, json } from '../core/config-helpers';
import { checkPaths } from '../../core/check';
import { defaultOptions } from '../../core/types';
import { tempFolder, removeFolder } from '../helpers/tmp';

const custom = json({ model_algorithm: 'a', model_type: 'Custom', health: { url: '/healthz' } });

ruleTester('MA111', {
  valid: [
    { name: 'close case: health url /health', files: configOnly(img({ health: { url: '/health' } })) },
    { name: 'close case: protocol http', files: configOnly(img({ health: { url: '/health', protocol: 'http' } })) },
    { name: 'a Custom engine with health at /health', files: configOnly(custom.replace('/healthz', '/health')), exact: [] },
    { name: 'Image models may use any health path', files: configOnly(json({ ...goodImage(), health: { url: '/healthz' } })), exact: [] },
  ],
  invalid: [
    { name: 'health url without /', files: configOnly(img({ health: { url: 'health' } })) },
    { name: 'health https', files: configOnly(img({ health: { url: '/health', protocol: 'https' } })) },
    { name: 'a Custom engine serves health at exactly /health', files: configOnly(custom), exact: ['MA111'] },
    {
      name: 'fix: add the leading slash',
      files: configOnly(json({ ...goodImage(), health: { url: 'health' } })),
      firstFix: (after) => assert.equal(JSON.parse(after.files['config.json']).health.url, '/health'),
    },
    { name: 'fix: health protocol', files: configOnly(json({ ...goodImage(), health: { url: '/h', protocol: 'https' } })), firstFix: true },
  ],
});

// health.protocol "https" is an error only under the 2021 config-file spec; today's platform probes over the
// container's own protocol.
test('health.protocol "https": error under seed-2021, a warning that says why under current', () => {
  const cfg = '{"model_algorithm": "image_classification", "model_type": "Image", "apis": [],\n "health": {"url": "/health", "protocol": "https"}}\n';
  const dir = tempFolder({ 'Dockerfile': 'FROM python:3.11-slim\nEXPOSE 8080\nCMD ["python3", "-m", "http.server", "8080"]\n', 'config.json': cfg });
  try {
    const at = (profile: 'seed-2021' | 'current') => checkPaths([dir], { ...defaultOptions(), profile }).findings.filter((f) => f.code === 'MA111');
    const seed = at('seed-2021');
    assert.equal(seed.length, 1);
    assert.equal(seed[0].severity, 'error');
    const today = at('current');
    assert.equal(today.length, 1);
    assert.equal(today[0].severity, 'warning');
    assert.match(today[0].message.en, /container's protocol/);
    assert.match(today[0].message.zh, /容器协议/);
    assert.equal(today[0].range.start.line, 1);
  } finally { removeFolder(dir); }
});
