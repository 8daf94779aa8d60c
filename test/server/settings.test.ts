// Settings over LSP: the server pulls `modelarts` through workspace/configuration at start and again on
// didChangeConfiguration; severity overrides, rules turned off and the profile change what is published.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { LspClient, codes, find } from './lsp';
import { removeFolder, tempFolder } from '../helpers/tmp';

// An Image model without health (MA116), with a misspelled key (MA104) and a url without "/" (MA113).
const CONFIG = `{
  "model_type": "Image",
  "model_algorithm": "object_detection",
  "apis": [{ "procotol": "http", "url": "predict", "method": "post" }]
}
`;

describe('settings', () => {
  let dir: string;
  let file: string;
  let c: LspClient;

  before(async () => {
    dir = tempFolder({ 'config.json': CONFIG, Dockerfile: 'FROM python:3.9-slim\nEXPOSE 8080\nCMD ["python", "app.py"]\n' });
    file = path.join(dir, 'config.json');
    c = await LspClient.start({ roots: [dir], settings: { profile: 'seed-2021', rules: { MA104: 'error' } } });
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  /**
   * Waits until no check is pending: an edit of config.json (same text, new version) is published with the
   * Dockerfile right after it. Publishes after this come from what the test does next.
   */
  async function settle(): Promise<void> {
    const since = c.mark();
    const v = await c.change(file, CONFIG);
    const p = await c.waitForFile(file, since, (x) => x.version === v);
    await c.waitForFile(path.join(dir, 'Dockerfile'), c.publishes.indexOf(p) + 1);
  }

  async function publishAfter(settings: Record<string, unknown>) {
    await settle();
    const since = c.mark();
    await c.setSettings(settings);
    return c.waitForFile(file, since);
  }

  it('applies the settings pulled at start', async () => {
    await c.open(file, CONFIG);
    const p = await c.waitForFile(file, 0, (x) => x.diagnostics.length > 0);
    assert.ok(c.configurationRequests >= 1, 'workspace/configuration was asked');
    assert.deepEqual(codes(p), ['MA104', 'MA113', 'MA116']);
    assert.equal(find(p, 'MA104')!.severity, 1, 'MA104 raised from warning to error');
    assert.equal(find(p, 'MA116')!.severity, 3, 'MA116 is info under seed-2021');
  });

  it('re-checks open files with a severity override after didChangeConfiguration', async () => {
    const p = await publishAfter({ profile: 'seed-2021', rules: { MA104: 'hint', MA113: 'warning' } });
    assert.equal(find(p, 'MA104')!.severity, 4);
    assert.equal(find(p, 'MA113')!.severity, 2);
  });

  it('turns a rule off', async () => {
    const p = await publishAfter({ profile: 'seed-2021', rules: { MA113: 'off' } });
    assert.deepEqual(codes(p), ['MA104', 'MA116']);
    assert.equal(find(p, 'MA104')!.severity, 2, 'back to its default once the override is gone');
  });

  it('switches the profile: MA116 becomes a warning under current', async () => {
    const p = await publishAfter({ profile: 'current', rules: {} });
    assert.equal(find(p, 'MA116')!.severity, 2);
    const back = await publishAfter({ profile: 'seed-2021', rules: {} });
    assert.equal(find(back, 'MA116')!.severity, 3);
  });

  it('treats a file matched by configFiles as a ModelArts config', async () => {
    const custom = path.join(dir, 'deploy', 'model-config.json');
    const since = c.mark();
    await c.setSettings({ profile: 'seed-2021', rules: {}, configFiles: ['**/model-config.json'] });
    await c.open(custom, '{ "model_type": "Image", "model_algorithm": "a", "apis": [{ "url": "x", "method": "post" }] }');
    const p = await c.waitForFile(custom, since, (x) => x.diagnostics.length > 0);
    assert.ok(codes(p).includes('MA113'));
  });

  it('passes serviceKind to the Dockerfile rules', async () => {
    const docker = path.join(dir, 'Dockerfile');
    await settle();
    let since = c.mark();
    await c.setSettings({ profile: 'seed-2021', rules: {}, serviceKind: 'batch' });
    let p = await c.waitForFile(docker, since);
    assert.ok(codes(p).includes('MA204'), `batch: the command must be /bin/sh /home/run.sh: ${JSON.stringify(codes(p))}`);
    await settle();
    since = c.mark();
    await c.setSettings({ profile: 'seed-2021', rules: {}, serviceKind: 'auto' });
    p = await c.waitForFile(docker, since);
    assert.ok(!codes(p).includes('MA204'), JSON.stringify(codes(p)));
  });

  it('ignores malformed settings instead of failing', async () => {
    await publishAfter({ profile: 'current', rules: { MA116: 'error' } });
    const p = await publishAfter({ profile: 'no-such-profile', rules: { MA113: 'loud', MA104: 3 }, configFiles: 'x' });
    assert.deepEqual(codes(p), ['MA104', 'MA113', 'MA116']);
    assert.equal(find(p, 'MA116')!.severity, 3, 'unknown profile falls back to seed-2021');
  });
});
