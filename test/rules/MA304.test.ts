// MA304: A model folder misses its config.json or Dockerfile.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { ruleTester } from '../helpers/ruleTester';
import { IMAGE_CONFIG, memFiles, ROOT } from '../fixtures/dockerfile/harness';
import { findModelFolders } from '../../core/folders';
import { checkModelFolder } from '../../core/check';
import { defaultOptions } from '../../core/types';
import { D, FW } from '../helpers/routeFolders';

const DOCKERFILE = 'FROM python:3.11-slim\nCOPY run.sh /home/run.sh\nEXPOSE 8080\nCMD /bin/sh /home/run.sh\n';
const RUN_SH = 'exec python3 -m http.server 8080\n';
/** The harness leaves out a file whose text is null. */
const NO_CONFIG = { 'config.json': null as unknown as string };

ruleTester('MA304', {
  valid: [
    { name: 'a config.json of another model type', files: { 'config.json': JSON.stringify({ model_algorithm: 'a', model_type: 'TensorFlow' }) }, alone: true },
    { name: 'a Dockerfile with its config.json', files: { Dockerfile: D('app.py', 'python app.py'), 'app.py': FW[0].code } },
  ],
  invalid: [
    {
      name: 'a Dockerfile without config.json, found by folder discovery',
      files: { Dockerfile: DOCKERFILE, 'run.sh': RUN_SH, ...NO_CONFIG },
      count: 1,
      severity: 'info',
      message: /"model_type": "Image"/,
      then: () => {
        const files = memFiles({ Dockerfile: DOCKERFILE, 'run.sh': RUN_SH });
        const folders = findModelFolders([ROOT], files, defaultOptions());
        assert.equal(folders.length, 1);
        const f = checkModelFolder(folders[0], defaultOptions(), files).filter((x) => x.code === 'MA304');
        assert.equal(f.length, 1);
        assert.equal(f[0].severity, 'info');
        assert.match(f[0].message.en, /"model_type": "Image"/);
        assert.equal(path.basename(ROOT), 'model');
      },
    },
    {
      name: 'an Image config.json without a Dockerfile',
      files: { 'config.json': IMAGE_CONFIG },
      alone: true,
      count: 1,
      then: (_found, all) => assert.ok(all.findings[0].file.endsWith('config.json')),
    },
  ],
});
