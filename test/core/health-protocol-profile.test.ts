// health.protocol "https" is an error only under the 2021 config-file spec; today's platform probes over the
// container's own protocol.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { checkPaths } from '../../core/check';
import { defaultOptions } from '../../core/types';
import { tempFolder, removeFolder } from '../helpers/tmp';

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
