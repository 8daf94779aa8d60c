// A config.json that is valid JSON but not an object (a bare apis list, a string, a number), or that cannot be
// parsed at all, stays a model folder's config beside its Dockerfile. The findings themselves (MA102 on the root,
// MA100 for unreadable text) are in test/rules/MA102.test.ts and MA100.test.ts.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { json, memFiles } from './config-helpers';
import { findModelFolders, folderForFile, configKind } from '../../core/folders';
import { defaultOptions } from '../../core/types';

const API = { url: '/', method: 'post', request: { 'Content-type': 'application/json' }, response: { 'Content-type': 'application/json' } };
const DOCKERFILE = 'FROM python:3.9\nCMD ["python", "app.py"]\n';

test('beside a Dockerfile, a config.json that is not an object is the folder\'s config; another tool\'s object is not', () => {
  const opts = defaultOptions();
  for (const text of [json([API]), '"x"', '42', '{"model_type": "Image", // broken', '']) {
    const files = memFiles({ '/m/config.json': text, '/m/Dockerfile': DOCKERFILE });
    const folders = findModelFolders(['/m'], files, opts);
    assert.deepEqual(folders, [{ dir: '/m', configPath: '/m/config.json', dockerfilePath: '/m/Dockerfile' }], JSON.stringify(text));
    assert.equal(folderForFile('/m/config.json', files, opts)?.dockerfilePath, '/m/Dockerfile');
  }
  const other = memFiles({ '/m/config.json': json({ port: 3000, debug: true }), '/m/Dockerfile': DOCKERFILE });
  assert.equal(folderForFile('/m/config.json', other, opts), undefined);
  // Alone, a bare list is nobody's model config.
  assert.equal(folderForFile('/m/config.json', memFiles({ '/m/config.json': json([API]) }), opts), undefined);
  // The OBS layout: model/config.json under the Dockerfile's folder.
  const obs = memFiles({ '/p/model/config.json': json([API]), '/p/Dockerfile': DOCKERFILE });
  assert.equal(findModelFolders(['/p'], obs, opts)[0]?.configPath, '/p/model/config.json');
  assert.equal(configKind(json({ a: 1 })), 'other-object');
});

test('a lower-case dockerfile is the folder\'s Dockerfile (no MA304 "no Dockerfile near")', () => {
  const config = json({ model_algorithm: 'a', model_type: 'Image', apis: [API], health: { url: '/health' } });
  const files = memFiles({ '/m/config.json': config, '/m/dockerfile': DOCKERFILE });
  const [f] = findModelFolders(['/m'], files, defaultOptions());
  assert.equal(f.dockerfilePath, '/m/dockerfile');
  assert.equal(folderForFile('/m/dockerfile', files, defaultOptions())?.configPath, '/m/config.json');
});

