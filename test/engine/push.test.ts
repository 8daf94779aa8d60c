// `modelarts-image push` against a real registry (scripts/registry-up.sh: docker-registry 2.8, TLS with a CA made by
// the script and trusted through /etc/docker/certs.d, basic auth) and the real engine: the green push read back
// through the registry API, the preflight's refusals, an OCI index and an OCI manifest refused, wrong credentials,
// a dead registry and one that dies mid-push, cancellation leaving no tag, and no password in any output.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as https from 'node:https';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import type { Engine } from '../../engine/connect';
import { CancelledError } from '../../engine/report';
import { parseTarget, pushFolder, verifyManifest, type RegistryAuth, type Target } from '../../engine/push';
import { listTags, MEDIA, putManifest, readManifest } from '../../engine/push/registry';
import { readTestedRecord } from '../../engine/push/tested';
import { engineOrSkip, ensureArm64Base, FAST, FIXTURES } from './engine-helpers';
import { dockerConfigDir, registryOrSkip, type TestRegistry } from './registry-helpers';

const CLI = path.resolve(__dirname, '../../dist/cli.js');
const RUN = Date.now().toString(36);
const ROOT = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-push-'));
// The tested records of this file's runs stay in its own cache dir (the CLI children get the same).
process.env.XDG_CACHE_HOME = path.join(ROOT, 'cache');

let reg: TestRegistry | undefined;
let engine: Engine | undefined;
let auth: RegistryAuth;
let goodConfig: string;
const outputs: string[] = [];
const localTags = new Set<string>();

const target = (repo: string, tag: string, address = reg!.address): Target => {
  const t = parseTarget(`${address}/kit-test/${repo}:${tag}`, '--to');
  assert.ok('target' in t, JSON.stringify(t));
  localTags.add(t.target.ref);
  return t.target;
};

/** A copy of a fixture folder (its own tested record and dev tag); `extra` lines end its Dockerfile. */
function copyFixture(name: string, as: string, extra = ''): string {
  const dir = path.join(ROOT, `${as}-${RUN}`);
  fs.cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  if (extra) fs.appendFileSync(path.join(dir, 'Dockerfile'), extra);
  localTags.add(`${path.basename(dir)}:modelarts-dev`);
  return dir;
}

interface CliResult { code: number | null; stdout: string; stderr: string }

function cli(args: string[], env: Record<string, string>, onStderr?: (text: string, kill: () => void) => void, stdin?: string): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'push', ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(stdin ?? '');
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c;
      onStderr?.(stderr, () => child.kill('SIGINT'));
    });
    child.on('close', (code) => {
      outputs.push(stdout, stderr);
      resolve({ code, stdout, stderr });
    });
  });
}

const json = (r: CliResult) => JSON.parse(r.stdout) as { passed: boolean; digest?: string; mediaType?: string; error?: { kind: string; message: string };
  checks: { id: string; status: string; message: string }[] };
const checkOf = (r: CliResult, id: string) => json(r).checks.find((c) => c.id === id);

/** Skips (outside CI) when the engine or the registry is missing; under CI their absence fails. */
async function ready(t: { skip: (m: string) => void }): Promise<boolean> {
  if (!engine || !reg) {
    t.skip('no engine or no test registry (npm run engine:up, npm run registry:up)');
    return false;
  }
  return true;
}

async function tested(dir: string): Promise<void> {
  const r = await runConformance(dir, { ...FAST, engine });
  assert.ok(r.passed, JSON.stringify(r.checks.filter((c) => c.status === 'fail')));
}

before(async () => {
  engine = await engineOrSkip();
  reg = await registryOrSkip();
  if (!reg) return;
  auth = { username: reg.user, password: reg.password, serveraddress: reg.address, source: 'test' };
  goodConfig = dockerConfigDir(ROOT, reg.address, reg.user, reg.password);
});

after(async () => {
  for (const t of localTags) await engine?.docker.getImage(t).remove().catch(() => undefined);
  fs.rmSync(ROOT, { recursive: true, force: true });
});

/** GET the manifest with plain https (not the kit's client): Content-Type and Docker-Content-Digest as the registry says them. */
function rawManifest(t: Target): Promise<{ type: string; digest: string }> {
  return new Promise((resolve, reject) => {
    const headers = {
      Accept: `${MEDIA.dockerManifest}, ${MEDIA.ociManifest}, ${MEDIA.ociIndex}, ${MEDIA.dockerList}`,
      Authorization: 'Basic ' + Buffer.from(`${reg!.user}:${reg!.password}`).toString('base64'),
    };
    https.get(`https://${t.registry}/v2/${t.repository}/manifests/${t.tag}`, { ca: fs.readFileSync(reg!.ca), headers }, (res) => {
      res.resume();
      res.on('end', () => resolve({ type: String(res.headers['content-type']), digest: String(res.headers['docker-content-digest']) }));
    }).on('error', reject);
  });
}

let green: string;

test('a green folder pushes; the manifest read back through the registry API is Docker v2 schema 2 with the digest the push reported', async (t) => {
  if (!(await ready(t))) return;
  green = copyFixture('push-green', 'green');
  await tested(green);
  const to = target('green', `1-${RUN}`);
  const r = await cli([green, '--to', to.ref, '--format', 'json'], { DOCKER_CONFIG: goodConfig });
  assert.equal(r.code, 0, r.stdout + r.stderr);
  const report = json(r);
  assert.ok(report.passed);
  assert.deepEqual(report.checks.map((c) => [c.id, c.status]),
    [['tested', 'pass'], ['platform', 'pass'], ['size', 'pass'], ['manifest', 'pass'], ['push', 'pass'], ['readBack', 'pass']]);
  // Layers pushed by an earlier run of this file are "already" there.
  assert.match(r.stderr, /[0-9a-f]{12} (Pushed|Layer already exists) .* 100%/, 'progress per layer on stderr');
  const raw = await rawManifest(to);
  assert.equal(raw.type, MEDIA.dockerManifest);
  assert.equal(raw.digest, report.digest);
  assert.ok((await listTags(to, auth)).includes(to.tag));
  const text = await cli([green, '--to', to.ref], { DOCKER_CONFIG: goodConfig });
  assert.equal(text.code, 0, text.stdout + text.stderr);
  assert.match(text.stdout, /PUSHED: .*application\/vnd\.docker\.distribution\.manifest\.v2\+json/);
  assert.match(text.stdout, /Create Model/);
});

test('preflight: a folder never tested, then changed after its test, is refused with "run modelarts-image test"; nothing is tagged', async (t) => {
  if (!(await ready(t))) return;
  const dir = copyFixture('push-green', 'changing');
  const to = target('changing', RUN);
  const never = await cli([dir, '--to', to.ref, '--format', 'json'], { DOCKER_CONFIG: goodConfig });
  assert.equal(never.code, 1);
  assert.match(checkOf(never, 'tested')!.message, /no passing test on record.*run: modelarts-image test/);
  assert.equal(checkOf(never, 'push'), undefined, 'nothing pushed');
  await tested(dir);
  const health = path.join(dir, 'www', 'health');
  const original = fs.readFileSync(health, 'utf8');
  fs.writeFileSync(health, '{"health": "false"}\n');
  const changed = await cli([dir, '--to', to.ref, '--format', 'json'], { DOCKER_CONFIG: goodConfig });
  assert.equal(changed.code, 1);
  assert.match(checkOf(changed, 'tested')!.message, /changed since its passing test/);
  assert.ok(!(await listTags(to, auth)).includes(to.tag));
  // Content, not mtimes: the same bytes again match the record.
  fs.writeFileSync(health, original);
  const back = await cli([dir, '--to', to.ref, '--format', 'json'], { DOCKER_CONFIG: goodConfig });
  assert.equal(back.code, 0, back.stdout);
});

test('preflight: an arm64 image fails the platform check for an amd64 pool, passes it with --platform linux/arm64', async (t) => {
  if (!(await ready(t))) return;
  await ensureArm64Base(engine!);
  const dir = copyFixture('ma402-arm64', 'arm');
  const r = await runConformance(dir, { ...FAST, engine });
  assert.ok(!r.passed, 'the MA402 fixture fails its test');
  const to = target('arm', RUN);
  const amd = await cli([dir, '--to', to.ref, '--format', 'json'], { DOCKER_CONFIG: goodConfig });
  assert.equal(amd.code, 1);
  assert.match(checkOf(amd, 'tested')!.message, /last test of this folder .* failed/);
  assert.equal(checkOf(amd, 'platform')!.status, 'fail');
  assert.match(checkOf(amd, 'platform')!.message, /linux\/arm64.*MA402.*--platform linux\/arm64/);
  const arm = await cli([dir, '--to', to.ref, '--format', 'json', '--platform', 'linux/arm64'], { DOCKER_CONFIG: goodConfig });
  assert.equal(checkOf(arm, 'platform')!.status, 'pass');
  assert.equal(arm.code, 1, 'still refused: its test failed');
});

test('preflight: the tested image removed from the engine since its test is refused with "run modelarts-image test"', async (t) => {
  if (!(await ready(t))) return;
  // A label of its own: an image id no other copy of the fixture shares.
  const dir = copyFixture('push-green', 'gone', `LABEL kit.test.gone=${RUN}\n`);
  await tested(dir);
  const id = readTestedRecord(dir)!.imageId!;
  await engine!.docker.getImage(id).remove({ force: true });
  const r = await cli([dir, '--to', target('gone', RUN).ref, '--format', 'json'], { DOCKER_CONFIG: goodConfig });
  assert.equal(r.code, 1, r.stdout + r.stderr);
  assert.match(checkOf(r, 'tested')!.message, new RegExp(`tested image ${id.slice(0, 19)} is no longer on the engine.*run: modelarts-image test`));
  assert.equal(checkOf(r, 'push'), undefined, 'nothing pushed');
});

test('preflight: an image over the size limit is refused (MA401) and nothing is pushed; the limit follows the profile', async (t) => {
  if (!(await ready(t))) return;
  assert.ok(green, 'the green push ran');
  const to = target('green', `big-${RUN}`);
  const over = await cli([green, '--to', to.ref, '--format', 'json', '--size-limit', '0.001'], { DOCKER_CONFIG: goodConfig });
  assert.equal(over.code, 1, over.stdout + over.stderr);
  assert.equal(checkOf(over, 'size')!.status, 'fail');
  assert.match(checkOf(over, 'size')!.message, /over the limit of 1\.0 MB \(MA401\)/);
  assert.equal(checkOf(over, 'push'), undefined, 'nothing pushed');
  assert.ok(!(await listTags(to, auth)).includes(to.tag));
  const seed = await cli([green, '--to', to.ref, '--format', 'json'], { DOCKER_CONFIG: goodConfig });
  assert.match(checkOf(seed, 'size')!.message, /\(limit 10\.00 GB\)$/);
  const current = await cli([green, '--to', to.ref, '--format', 'json', '--profile', 'current', '--lang', 'zh-cn'], { DOCKER_CONFIG: goodConfig });
  assert.match(checkOf(current, 'size')!.message, /（上限 50\.00 GB）$/);
  // Its layer lines speak the report's language too (the layers are in the registry by now).
  assert.match(current.stderr, /[0-9a-f]{12} (已推送|层已存在) .* 100%/);
  assert.doesNotMatch(current.stderr, /Pushed|Layer already exists|Preparing|Waiting/);
});

test('--username with --password-stdin: the login read from stdin pushes (the last test greps this output too)', async (t) => {
  if (!(await ready(t))) return;
  assert.ok(green, 'the green push ran');
  const to = target('green', `stdin-${RUN}`);
  const empty = fs.mkdtempSync(path.join(ROOT, 'no-login-'));
  const r = await cli([green, '--to', to.ref, '--format', 'json', '--username', reg!.user, '--password-stdin'], { DOCKER_CONFIG: empty },
    undefined, reg!.password + '\n');
  assert.equal(r.code, 0, r.stdout + r.stderr);
  assert.ok(json(r).passed);
  assert.ok((await listTags(to, auth)).includes(to.tag));
});

test('a tag holding an OCI index (an attestation list) or an OCI manifest is refused with how to build without attestations', async (t) => {
  if (!(await ready(t))) return;
  assert.ok(green, 'the green push ran');
  const base = target('green', `base-${RUN}`);
  const pushed = await pushFolder(green, base, { engine, auth });
  assert.ok(pushed.passed, JSON.stringify(pushed.checks));
  const m = await readManifest(base, auth);
  const index = {
    schemaVersion: 2, mediaType: MEDIA.ociIndex,
    manifests: [{ mediaType: MEDIA.dockerManifest, digest: m.digest, size: m.body.length, platform: { architecture: 'amd64', os: 'linux' } }],
  };
  const idx = target('green', `index-${RUN}`);
  await putManifest(idx, idx.tag, MEDIA.ociIndex, Buffer.from(JSON.stringify(index)), auth);
  const refused = await verifyManifest(idx, auth, {});
  assert.equal(refused.status, 'fail');
  assert.match(refused.message, /application\/vnd\.oci\.image\.index\.v1\+json.*--provenance=false --sbom=false.*BUILDX_NO_DEFAULT_ATTESTATIONS=1/);
  const oci = JSON.parse(m.body.toString('utf8'));
  oci.mediaType = MEDIA.ociManifest;
  oci.config.mediaType = 'application/vnd.oci.image.config.v1+json';
  for (const l of oci.layers) l.mediaType = 'application/vnd.oci.image.layer.v1.tar+gzip';
  const ociTag = target('green', `oci-${RUN}`);
  await putManifest(ociTag, ociTag.tag, MEDIA.ociManifest, Buffer.from(JSON.stringify(oci)), auth);
  const ociRefused = await verifyManifest(ociTag, auth, {}, 'zh-cn');
  assert.equal(ociRefused.status, 'fail');
  assert.match(ociRefused.message, /OCI 镜像清单/);
  assert.equal((await verifyManifest(base, auth, { digest: pushed.digest, imageId: pushed.imageId })).status, 'pass');
});

test('wrong password: 401 with how to log in again; no login at all: says none was found (exit 5)', async (t) => {
  if (!(await ready(t))) return;
  const wrong = dockerConfigDir(ROOT, reg!.address, reg!.user, 'not-the-password-' + RUN);
  const to = target('green', `denied-${RUN}`);
  const r = await cli([green, '--to', to.ref], { DOCKER_CONFIG: wrong });
  assert.equal(r.code, 5, r.stdout + r.stderr);
  assert.match(r.stdout, /refused the login \(401, credentials from auths\).*docker login -u <region>@<AK>/);
  assert.ok(!(r.stdout + r.stderr).includes('not-the-password-' + RUN));
  const none = await cli([green, '--to', to.ref, '--format', 'json', '--lang', 'zh-cn'], { DOCKER_CONFIG: fs.mkdtempSync(path.join(ROOT, 'empty-')) });
  assert.equal(none.code, 5);
  assert.equal(json(none).error!.kind, 'unauthorized');
  assert.match(json(none).error!.message, /需要登录，但未找到凭据/);
  assert.ok(!(await listTags(to, auth)).includes(to.tag));
});

const freePort = () => new Promise<number>((res) => {
  const s = net.createServer().listen(0, '127.0.0.1', () => {
    const p = (s.address() as net.AddressInfo).port;
    s.close(() => res(p));
  });
});

test('a registry that is not running: a clear "cannot be reached" (exit 4)', async (t) => {
  if (!(await ready(t))) return;
  const dead = `127.0.0.1:${await freePort()}`;
  const r = await cli([green, '--to', target('green', RUN, dead).ref], { DOCKER_CONFIG: goodConfig });
  assert.equal(r.code, 4, r.stdout + r.stderr);
  assert.match(r.stdout, /cannot be reached: .*connection refused/);
});

let big: string;

test('the registry dies mid-push: a clear message (exit 4) and no tag written', async (t) => {
  if (!(await ready(t))) return;
  big = copyFixture('push-green', 'big', 'RUN head -c 48000000 /dev/urandom > /blob\n');
  await tested(big);
  // A TCP relay to the registry that drops every connection, and stops listening, after 4 MB sent.
  const port = await freePort();
  const [host, regPort] = reg!.address.split(':');
  let sent = 0;
  const sockets = new Set<net.Socket>();
  const relay = net.createServer((c) => {
    const up = net.connect(Number(regPort), host);
    sockets.add(c).add(up);
    c.on('data', (d: Buffer) => {
      sent += d.length;
      if (sent > 4 * 1024 * 1024 && relay.listening) {
        relay.close();
        for (const s of sockets) s.destroy();
      }
    });
    c.pipe(up).pipe(c);
    c.on('error', () => undefined);
    up.on('error', () => undefined);
  }).listen(port, '127.0.0.1');
  const via = `127.0.0.1:${port}`;
  const cfg = dockerConfigDir(ROOT, via, reg!.user, reg!.password);
  const t0 = Date.now();
  const r = await cli([big, '--to', target('big', `mid-${RUN}`, via).ref, '--format', 'json'], { DOCKER_CONFIG: cfg });
  relay.close();
  assert.equal(r.code, 4, r.stdout + r.stderr);
  assert.equal(json(r).error!.kind, 'unreachable');
  // Told at the engine's first retry, by a dial that found nothing listening, not after all of its retries.
  assert.match(json(r).error!.message, /stopped answering during the push \(dial tcp 127\.0\.0\.1:\d+: connection refused\)/);
  t.diagnostic(`the dead registry was told after ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  assert.ok(sent > 4 * 1024 * 1024, 'the push had started');
  assert.ok(!(await listTags(target('big', `mid-${RUN}`), auth)).includes(`mid-${RUN}`));
});

test('cancel: the push stops, the registry has no tag (in process, and Ctrl-C of the CLI: exit 130)', async (t) => {
  if (!(await ready(t))) return;
  assert.ok(big, 'the big folder was tested');
  const to = target('big', `cancel-${RUN}`);
  const ac = new AbortController();
  await assert.rejects(pushFolder(big, to, { engine, auth }, {
    signal: ac.signal,
    onLayer: (l) => {
      if (l.status === 'Pushing' && l.current > 1024 * 1024) ac.abort();
    },
  }), CancelledError);
  const sigint = target('big', `sigint-${RUN}`);
  let killed = false;
  const r = await cli([big, '--to', sigint.ref], { DOCKER_CONFIG: goodConfig }, (text, kill) => {
    if (!killed && /Pushing .* MB/.test(text)) {
      killed = true;
      kill();
    }
  });
  assert.ok(killed, 'the CLI showed layer progress');
  assert.equal(r.code, 130, r.stdout + r.stderr);
  assert.match(r.stderr, /the tag was not written/);
  // The daemon could still be finishing: give it time, then the registry must still have neither tag.
  await new Promise((res) => setTimeout(res, 3000));
  const tags = await listTags(to, auth);
  assert.ok(!tags.includes(to.tag) && !tags.includes(sigint.tag), tags.join(' '));
});

test('no output of any push above holds the registry password', (t) => {
  if (!reg) return t.skip('no test registry');
  assert.ok(outputs.length >= 10, `outputs seen: ${outputs.length}`);
  for (const o of outputs) assert.ok(!o.includes(reg.password));
});
