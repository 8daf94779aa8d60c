// Which model folder a deployment file belongs to (core/folders.ts), and the engine's reading of it (parseDeployText)
// on bad input.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { folderForFile, findModelFolders } from '../../core/folders';
import { defaultOptions } from '../../core/types';
import { parseDeployText } from '../../core/deployment';
import { memFiles, IMAGE_CONFIG } from '../fixtures/dockerfile/harness';

const R = '/w';
const fs = (files: Record<string, string>) => memFiles(files, R);
const opts = defaultOptions();
const DF = 'FROM python:3.11-slim\nCMD ["python3", "app.py"]\n';

test('beside config.json and the Dockerfile: every file of the folder names it', () => {
  const f = fs({ 'config.json': IMAGE_CONFIG, Dockerfile: DF, 'modelarts-deploy.json': '{}' });
  for (const name of ['config.json', 'Dockerfile', 'modelarts-deploy.json']) {
    assert.equal(folderForFile(`${R}/${name}`, f, opts, R)?.deployPath, `${R}/modelarts-deploy.json`, name);
  }
  assert.deepEqual(findModelFolders([R], f, opts).map((m) => m.deployPath), [`${R}/modelarts-deploy.json`]);
});

test('the OBS layout: beside model/config.json wins over the one beside the Dockerfile, which then belongs to nothing', () => {
  const f = fs({ 'model/config.json': IMAGE_CONFIG, Dockerfile: DF, 'model/modelarts-deploy.json': '{}', 'modelarts-deploy.json': '{}' });
  assert.equal(folderForFile(`${R}/Dockerfile`, f, opts, R)?.deployPath, `${R}/model/modelarts-deploy.json`);
  assert.equal(folderForFile(`${R}/model/modelarts-deploy.json`, f, opts, R)?.dockerfilePath, `${R}/Dockerfile`);
  assert.equal(folderForFile(`${R}/modelarts-deploy.json`, f, opts, R), undefined);
  const onlyTop = fs({ 'model/config.json': IMAGE_CONFIG, Dockerfile: DF, 'modelarts-deploy.json': '{}' });
  assert.equal(folderForFile(`${R}/model/config.json`, onlyTop, opts, R)?.deployPath, `${R}/modelarts-deploy.json`);
});

test('alone, or beside another tool\'s config.json: no model folder', () => {
  assert.equal(folderForFile(`${R}/modelarts-deploy.json`, fs({ 'modelarts-deploy.json': '{}' }), opts, R), undefined);
  const other = fs({ 'config.json': '{"compilerOptions": {}}', 'modelarts-deploy.json': '{}' });
  assert.equal(folderForFile(`${R}/modelarts-deploy.json`, other, opts, R), undefined);
  assert.deepEqual(findModelFolders([R], other, opts), []);
});

test('parseDeployText (the engine\'s reading): comments allowed; broken, not an object, deep or huge is undefined, never a throw', () => {
  assert.deepEqual(parseDeployText('// c\n{"port": 9000,}'), { port: 9000 });
  for (const bad of ['{"port": 9000', '[1]', '', '{"a":' + '['.repeat(200_000) + ']'.repeat(200_000) + '}', '{"x": "' + 'a'.repeat(6 * 1024 * 1024) + '"}',
    '\u0000\u0001']) {
    assert.equal(parseDeployText(bad), undefined, bad.slice(0, 20));
  }
});
