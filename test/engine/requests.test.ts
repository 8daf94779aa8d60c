// How each api's test request is made (saved samples, generated ones), how ModelArts schemas are read,
// and what the build context contains. No engine needed.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as tar from 'tar-fs';
import Ajv from 'ajv';
import { exampleOf, requestFor, sampleName, TINY_PNG } from '../../engine/samples';
import { apiSpecs, toJsonSchema, REQUEST_LIMIT_MS, REQUEST_TIMEOUT_MS } from '../../engine/infer';
import { packContext } from '../../engine/context';
import { defaultTag } from '../../engine/build';
import { budgetEndMs, healthAnswerOk, probeDeadlineMs } from '../../engine/probe';
import { deploymentOf, probeBudgetS } from '../../core/deployment';
import { isRunShCommand } from '../../engine/inspect';
import { serviceKindOfText } from '../../core/analysis/service';

const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mik-req-'));

test('sample names come from the url', () => {
  assert.equal(sampleName('/'), 'root');
  assert.equal(sampleName('/greet'), 'greet');
  assert.equal(sampleName('/v1/models/predict?x=1'), 'v1_models_predict');
});

test('generated samples satisfy the request schema', () => {
  const schema = {
    type: 'object',
    properties: {
      n: { type: 'integer', minimum: 3 },
      s: { type: 'string', minLength: 10 },
      e: { enum: ['a', 'b'] },
      rows: { type: 'array', items: [{ type: 'object', properties: { v: { type: 'number' } } }] },
      tags: { type: 'array', item: { type: 'string' }, minItems: 2 },
      ok: { type: 'boolean' },
    },
    required: ['n', 'missing'],
  };
  const v = exampleOf(schema) as Record<string, unknown>;
  assert.ok(new Ajv({ strict: false }).validate(toJsonSchema(schema) as object, v));
  assert.equal(v.n, 3);
  assert.equal((v.tags as unknown[]).length, 2);
  assert.ok('missing' in v);
});

test('a multipart api with a file field gets a tiny PNG; a JSON api a JSON body', async () => {
  const dir = tmp();
  const mp = await requestFor(dir, {
    url: '/', method: 'POST', contentType: 'multipart/form-data',
    schema: { type: 'object', properties: { images: { type: 'file' }, note: { type: 'string' } } },
  });
  assert.match(mp.contentType, /^multipart\/form-data; boundary=/);
  assert.ok(mp.body.includes(TINY_PNG));
  assert.match(mp.body.toString('latin1'), /name="images"; filename="sample.png"/);
  assert.match(mp.body.toString('latin1'), /name="note"\r\n\r\nexample/);
  assert.equal(mp.source, 'generated from request.data');
  const js = await requestFor(dir,
    { url: '/greet', method: 'POST', contentType: 'application/json', schema: { type: 'object', properties: { name: { type: 'string' } } } });
  assert.deepEqual(JSON.parse(js.body.toString()), { name: 'example' });
});

test('saved samples win: requests/<name>.json and requests/<name>/ for multipart', async () => {
  const dir = tmp();
  fs.mkdirSync(path.join(dir, 'requests', 'root'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'requests', 'greet.json'), '{"name":"Ada"}');
  fs.writeFileSync(path.join(dir, 'requests', 'root', 'images.jpg'), 'JPEGDATA');
  fs.writeFileSync(path.join(dir, 'requests', 'root', 'fields.json'), '{"threshold": 0.5}');
  const js = await requestFor(dir, { url: '/greet', method: 'POST', contentType: 'application/json', schema: {} });
  assert.equal(js.body.toString(), '{"name":"Ada"}');
  assert.equal(js.source, path.join('requests', 'greet.json'));
  const mp = await requestFor(dir, { url: '/', method: 'POST', contentType: 'multipart/form-data', schema: {} });
  const text = mp.body.toString('latin1');
  assert.match(text, /name="images"; filename="images.jpg"[\s\S]*JPEGDATA/);
  assert.match(text, /name="threshold"\r\n\r\n0.5/);
});

test('a saved sample over 12 MB is not read into memory and is flagged', async () => {
  const dir = tmp();
  fs.mkdirSync(path.join(dir, 'requests'));
  const f = path.join(dir, 'requests', 'predict.json');
  fs.writeFileSync(f, '');
  fs.truncateSync(f, 13 * 1024 * 1024);
  const r = await requestFor(dir, { url: '/predict', method: 'POST', contentType: 'application/json', schema: {} });
  assert.equal(r.oversizeBytes, 13 * 1024 * 1024);
  assert.equal(r.body.length, 0);
});

test('ModelArts schema dialect: "type": "file" and the "item" typo are tolerated, typos in Content-type too', () => {
  const s = toJsonSchema({ type: 'object',
    properties: { img: { type: 'file' }, r: { type: 'array', item: { type: 'number' } } } }) as { properties: { img: unknown; r: { items: unknown } } };
  assert.deepEqual(s.properties.img, {});
  assert.deepEqual(s.properties.r.items, { type: 'number' });
  const [api] = apiSpecs({ apis: [{ url: '/x', method: 'get', response: { 'Content-type': 'applicaton/json' } }] });
  assert.equal(api.responseType, 'application/json');
  assert.equal(api.method, 'GET');
});

test('health settings: strings or integers, console defaults, ModelArts budget', () => {
  const [h] = deploymentOf(undefined, { health: { url: '/health', initial_delay_seconds: '5', timeout_seconds: 2, period_seconds: '3', failure_threshold: 4 } },
    'seed-2021').probes;
  assert.deepEqual([h.initialDelayS, h.timeoutS, h.periodS, h.failureThreshold], [5, 2, 3, 4]);
  assert.equal(probeBudgetS(h), 5 + 3 * 3 + 2);
  // The default wait to serve: the budget (at least 10 s) + 2 s; without a probe the console's defaults (70 s).
  assert.equal(probeDeadlineMs([h]), (16 + 2) * 1000);
  assert.equal(probeDeadlineMs([]), 72_000);
  assert.deepEqual(deploymentOf(undefined, {}, 'seed-2021').probes, []);
  // A readiness probe waits for the startup probe: its delay counts from the start, its budget from the later of both.
  assert.equal(budgetEndMs(h, 8000), (8 + 3 * 3 + 2) * 1000);
  assert.equal(budgetEndMs(h, 2000), probeBudgetS(h) * 1000);
  const startup = { ...h, kind: 'startup' as const };
  assert.equal(probeDeadlineMs([startup, h]), (16 + 16 + 2) * 1000);
  const ans = (status: number, body: string) => ({ status, headers: {}, body: Buffer.from(body), bytes: body.length, truncated: false, ms: 1 });
  assert.equal(healthAnswerOk(ans(200, '{"health": "true"}'), 'seed-2021'), true);
  assert.equal(healthAnswerOk(ans(200, 'ok'), 'seed-2021'), false);
  assert.equal(healthAnswerOk(ans(204, ''), 'current'), true);
  assert.equal(healthAnswerOk(ans(500, '{"health": "true"}'), 'current'), false);
});

test('the request limits by default: the gateway\'s 40 s (MA406) and the synchronous 60 s, as the MA406 pages say', () => {
  assert.equal(REQUEST_LIMIT_MS, 40_000);
  assert.equal(REQUEST_TIMEOUT_MS, 60_000);
  const en = fs.readFileSync(path.join(__dirname, '../../docs/rules/MA406.md'), 'utf8');
  assert.match(en, /an answer after the gateway's 40 s \(ModelArts\.4503\), or no\s+answer within 60 s \(the synchronous limit\)/);
  const zh = fs.readFileSync(path.join(__dirname, '../../docs/rules/zh-cn/MA406.md'), 'utf8');
  assert.match(zh, /晚于网关 40 秒的应答（ModelArts\.4503）或 60 秒（同步调用上限）内无应答/);
});

test('batch entry forms: the seed shell form and the current exec form', () => {
  assert.ok(isRunShCommand([], ['/bin/sh', '-c', '/bin/sh /home/run.sh']));
  assert.ok(isRunShCommand([], ['sh', '/home/run.sh']));
  assert.ok(isRunShCommand([], ['/home/run.sh']));
  assert.ok(!isRunShCommand([], ['python3', 'server.py']));
});

test('image tags are valid repository names', () => {
  assert.equal(defaultTag('/x/My Model_v2!'), 'my-model_v2:modelarts-dev');
  assert.equal(defaultTag('/x/__'), 'model:modelarts-dev');
});

test('the build context honours .dockerignore, with exceptions, and always carries the Dockerfile', async () => {
  const dir = tmp();
  fs.mkdirSync(path.join(dir, 'data', 'keep'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
  fs.writeFileSync(path.join(dir, 'app.py'), 'x');
  fs.writeFileSync(path.join(dir, 'secret.env'), 'x');
  fs.writeFileSync(path.join(dir, 'data', 'big.bin'), 'x');
  fs.writeFileSync(path.join(dir, 'data', 'keep', 'model.bin'), 'x');
  fs.writeFileSync(path.join(dir, '.dockerignore'), '*.env\ndata\n!data/keep\nDockerfile\n');
  const out = tmp();
  const stats = { files: 0, bytes: 0 };
  await new Promise<void>((res, rej) => packContext(dir, 'Dockerfile', stats).pipe(tar.extract(out)).on('finish', res).on('error', rej));
  const list = (d: string, p = ''): string[] =>
    fs.readdirSync(d).flatMap((n) => (fs.statSync(path.join(d, n)).isDirectory() ? list(path.join(d, n), p + n + '/') : [p + n]));
  assert.deepEqual(list(out).sort(), ['.dockerignore', 'Dockerfile', 'app.py', 'data/keep/model.bin']);
  assert.equal(stats.files, 4);
});

// The engine decides as the static rules do (core/analysis/service.ts).
const detectServiceKind = (text: string | undefined) => serviceKindOfText('Dockerfile', text).kind;

test('online or batch: the comment, else a start command running /home/run.sh', () => {
  assert.equal(detectServiceKind('FROM x\nCMD /bin/sh /home/run.sh\n'), 'batch');
  assert.equal(detectServiceKind('FROM x\nCMD ["sh", "/home/run.sh"]\n'), 'batch');
  assert.equal(detectServiceKind('FROM x\nCOPY run.sh /home/mind/run.sh\nCMD ["sh", "/home/mind/run.sh"]\n'), 'online');
  assert.equal(detectServiceKind('# modelarts-service: batch\nFROM x\nCMD ["python3", "s.py"]\n'), 'batch');
  assert.equal(detectServiceKind('# modelarts-service: online\nFROM x\nCMD /bin/sh /home/run.sh\n'), 'online');
  assert.equal(detectServiceKind(undefined), 'online');
});
