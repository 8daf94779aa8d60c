// Cross-file refresh over LSP: a change in one file of a model folder re-checks the folder and publishes for all
// of its files, so a finding that depended on another file disappears once that file is fixed.
import { after, before, describe, it } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LspClient, codes, uriOf, type Publish } from './lsp';
import { removeFolder, tempFolder } from '../helpers/tmp';

const config = (healthUrl: string) => `{
  "model_type": "Image",
  "model_algorithm": "object_detection",
  "apis": [{ "url": "/predict", "method": "post", "protocol": "http" }],
  "health": { "url": "${healthUrl}", "protocol": "http" }
}
`;

const DOCKERFILE = `FROM python:3.9-slim
EXPOSE 8080
COPY app.py /app/app.py
HEALTHCHECK CMD curl -f http://localhost:8080/ping || exit 1
CMD ["python", "/app/app.py"]
`;

const app = (healthRoute: string) => `from flask import Flask
app = Flask(__name__)

@app.route("${healthRoute}")
def health():
    return "ok"

@app.route("/predict", methods=["POST"])
def predict():
    return {}

app.run(host="0.0.0.0", port=8080)
`;

describe('cross-file refresh', () => {
  let dir: string;
  let cfg: string;
  let docker: string;
  let appPy: string;
  let c: LspClient;
  /** The newest publish per file. */
  const latest = (file: string): Publish | undefined => c.publishesFor(file).at(-1);
  const allCodes = () => [...codes(latest(cfg) ?? { uri: '', diagnostics: [] }), ...codes(latest(docker) ?? { uri: '', diagnostics: [] })];

  before(async () => {
    dir = tempFolder({ 'config.json': config('/health'), Dockerfile: DOCKERFILE, 'app.py': app('/ping') });
    cfg = path.join(dir, 'config.json');
    docker = path.join(dir, 'Dockerfile');
    appPy = path.join(dir, 'app.py');
    c = await LspClient.start({ roots: [dir] });
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  it('publishes for both files when config.json and Dockerfile are open', async () => {
    await c.open(docker, DOCKERFILE);
    await c.open(cfg, config('/health'));
    // HEALTHCHECK probes /ping while config.json says /health (MA303); no route serves /health (MA301).
    await c.waitFor(() => allCodes().includes('MA303') && allCodes().includes('MA301'), 0, 'MA303 and MA301');
    assert.ok(latest(docker), 'the Dockerfile got a publish');
    assert.ok(latest(cfg), 'config.json got a publish');
  });

  it('fixing config.json clears the finding that depended on it, in both files', async () => {
    const since = c.mark();
    const v = await c.change(cfg, config('/ping'));
    const p = await c.waitForFile(cfg, since, (x) => x.version === v);
    // The same check publishes the Dockerfile right after config.json.
    await c.waitForFile(docker, c.publishes.indexOf(p) + 1);
    assert.ok(!allCodes().includes('MA303'), JSON.stringify(allCodes()));
    assert.ok(!allCodes().includes('MA301'), JSON.stringify(allCodes()));
  });

  it('breaking it again in the Dockerfile brings the finding back', async () => {
    const since = c.mark();
    const v = await c.change(docker, DOCKERFILE.replace('/ping', '/healthz'));
    const p = await c.waitForFile(docker, since, (x) => x.version === v);
    // config.json is published first by the same check: it is already in.
    assert.ok(c.publishes.indexOf(latest(cfg)!) < c.publishes.indexOf(p));
    assert.ok(allCodes().includes('MA303'), JSON.stringify(allCodes()));
    const since2 = c.mark();
    const v2 = await c.change(docker, DOCKERFILE);
    await c.waitForFile(docker, since2, (p) => p.version === v2);
    assert.ok(!allCodes().includes('MA303'), JSON.stringify(allCodes()));
  });

  it('re-checks when app code changes on disk (didChangeWatchedFiles)', async () => {
    fs.writeFileSync(appPy, app('/other'));
    let since = c.mark();
    await c.watchedChanged(appPy);
    await c.waitForFile(cfg, since, (p) => codes(p).includes('MA301'));
    fs.writeFileSync(appPy, app('/ping'));
    since = c.mark();
    await c.watchedChanged(appPy);
    const p = await c.waitForFile(cfg, since);
    assert.ok(!codes(p).includes('MA301'), JSON.stringify(codes(p)));
  });

  it('clears the folder when its documents close', async () => {
    const since = c.mark();
    await c.change(cfg, config('/nowhere'));
    await c.waitForFile(cfg, since, (p) => codes(p).includes('MA301'));
    const since2 = c.mark();
    await c.close(cfg);
    await c.close(docker);
    await c.waitFor(() => latest(cfg)?.diagnostics.length === 0 && latest(docker)?.diagnostics.length === 0, since2, 'empty publishes');
    assert.equal(uriOf(cfg), latest(cfg)!.uri);
  });
});

describe('which Dockerfiles are ModelArts files', () => {
  let dir: string;
  let c: LspClient;
  const BAD_DOCKERFILE = 'FROM python:3.9-slim\nCMD python app.py &\n';

  before(async () => {
    dir = tempFolder({
      'model/config.json': config('/health'),
      'model/serving/Dockerfile': BAD_DOCKERFILE,
      'website/Dockerfile': BAD_DOCKERFILE,
    });
    c = await LspClient.start({ roots: [path.join(dir, 'model')] });
  });
  after(async () => {
    await c?.stop();
    removeFolder(dir);
  });

  it('checks a Dockerfile whose config.json sits in a parent folder inside the workspace', async () => {
    const docker = path.join(dir, 'model', 'serving', 'Dockerfile');
    await c.open(docker, BAD_DOCKERFILE);
    const p = await c.waitForFile(docker, 0, (x) => x.diagnostics.length > 0);
    assert.ok(codes(p).some((code) => code.startsWith('MA2')), JSON.stringify(codes(p)));
  });

  it('leaves a Dockerfile with no ModelArts config.json alone', async () => {
    const other = path.join(dir, 'website', 'Dockerfile');
    const since = c.mark();
    await c.open(other, BAD_DOCKERFILE);
    // A barrier: a later edit of the model's Dockerfile is published after the other file was handled.
    const docker = path.join(dir, 'model', 'serving', 'Dockerfile');
    const v = await c.change(docker, BAD_DOCKERFILE + '\n');
    await c.waitForFile(docker, since, (x) => x.version === v);
    assert.deepEqual(c.publishesFor(other), []);
  });

  it('reports MA304 on a batch Dockerfile whose config.json is missing, as the CLI does', async () => {
    const lost = path.join(dir, 'batch', 'Dockerfile');
    await c.open(lost, 'FROM python:3.9-slim\nCOPY run.sh /home/run.sh\nCMD ["sh", "/home/run.sh"]\n');
    const p = await c.waitForFile(lost, 0, (x) => x.diagnostics.length > 0);
    assert.ok(codes(p).includes('MA304'), JSON.stringify(codes(p)));
  });
});
