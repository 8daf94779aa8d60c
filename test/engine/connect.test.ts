// Which engine the kit talks to, following the user's docker setup; and a fast, clear answer when none answers.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as crypto from 'node:crypto';
import { candidateEndpoints, connectEngine, EngineUnavailableError } from '../../engine/connect';

const tmpHome = () => fs.mkdtempSync(path.join(os.tmpdir(), 'mik-home-'));

test('DOCKER_HOST unix:// is tried alone', () => {
  const eps = candidateEndpoints({ env: { DOCKER_HOST: 'unix:///tmp/x.sock' }, homeDir: tmpHome() });
  assert.equal(eps.length, 1);
  assert.equal(eps[0].options.socketPath, '/tmp/x.sock');
  assert.equal(eps[0].source, 'DOCKER_HOST');
});

test('DOCKER_HOST tcp:// with DOCKER_TLS_VERIFY reads the certificates of DOCKER_CERT_PATH', () => {
  const certs = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-certs-'));
  for (const f of ['ca.pem', 'cert.pem', 'key.pem']) fs.writeFileSync(path.join(certs, f), f);
  const [ep] = candidateEndpoints({ env: { DOCKER_HOST: 'tcp://10.0.0.5:2376', DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: certs }, homeDir: tmpHome() });
  const o = ep.options as Record<string, unknown>;
  assert.equal(o.protocol, 'https');
  assert.equal(o.host, '10.0.0.5');
  assert.equal(String(o.port), '2376');
  assert.equal(String(o.ca), 'ca.pem');
  assert.equal(String(o.key), 'key.pem');
});

test('DOCKER_HOST tcp:// without TLS is plain http; ssh:// goes through the ssh client to user@host, port kept', () => {
  const [plain] = candidateEndpoints({ env: { DOCKER_HOST: 'tcp://127.0.0.1:2375' }, homeDir: tmpHome() });
  assert.equal((plain.options as Record<string, unknown>).protocol, 'http');
  const [ssh] = candidateEndpoints({ env: { DOCKER_HOST: 'ssh://me@build-box' }, homeDir: tmpHome() });
  assert.deepEqual(ssh.ssh, { dest: 'me@build-box', port: undefined });
  const [withPort] = candidateEndpoints({ env: { DOCKER_HOST: 'ssh://build-box:2222' }, homeDir: tmpHome() });
  assert.deepEqual(withPort.ssh, { dest: 'build-box', port: '2222' });
});

test('the current docker context of ~/.docker/config.json is followed, with its TLS files', () => {
  const home = tmpHome();
  const id = crypto.createHash('sha256').update('remote').digest('hex');
  fs.mkdirSync(path.join(home, '.docker', 'contexts', 'meta', id), { recursive: true });
  fs.writeFileSync(path.join(home, '.docker', 'config.json'), JSON.stringify({ currentContext: 'remote' }));
  fs.writeFileSync(path.join(home, '.docker', 'contexts', 'meta', id, 'meta.json'), JSON.stringify({ Name: 'remote', Endpoints: { docker: { Host: 'tcp://192.168.1.9:2376', SkipTLSVerify: false } } }));
  const tls = path.join(home, '.docker', 'contexts', 'tls', id, 'docker');
  fs.mkdirSync(tls, { recursive: true });
  fs.writeFileSync(path.join(tls, 'ca.pem'), 'CA');
  const eps = candidateEndpoints({ env: {}, homeDir: home });
  assert.equal(eps.length, 1);
  assert.match(eps[0].source, /context "remote"/);
  const o = eps[0].options as Record<string, unknown>;
  assert.equal(o.host, '192.168.1.9');
  assert.equal(o.protocol, 'https');
  assert.equal(String(o.ca), 'CA');
  // DOCKER_HOST wins over the context, as in the docker CLI.
  assert.equal(candidateEndpoints({ env: { DOCKER_HOST: 'unix:///a.sock' }, homeDir: home })[0].url, 'unix:///a.sock');
});

test('without settings: the default socket, Docker Desktop, rootless and Podman sockets, in that order', () => {
  const eps = candidateEndpoints({ env: { XDG_RUNTIME_DIR: '/run/user/1000' }, homeDir: '/home/u' });
  assert.deepEqual(eps.map((e) => e.url), [
    'unix:///var/run/docker.sock',
    'unix:///home/u/.docker/run/docker.sock',
    'unix:///run/user/1000/docker.sock',
    'unix:///run/user/1000/podman/podman.sock',
    'unix:///run/podman/podman.sock',
  ]);
});

test('a dead socket gives one clear error listing what was tried and how to fix it', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-sock-'));
  // A socket file with nothing listening: what a crashed daemon leaves behind.
  const sock = path.join(dir, 'docker.sock');
  const net = await import('node:net');
  const srv = net.createServer();
  await new Promise<void>((r) => srv.listen(sock, r));
  await new Promise<void>((r) => srv.close(() => r()));
  fs.writeFileSync(sock, '');
  const err = await connectEngine({ env: { DOCKER_HOST: 'unix://' + sock }, homeDir: tmpHome() }).then(() => undefined, (e) => e);
  assert.ok(err instanceof EngineUnavailableError);
  assert.match(err.message, new RegExp(`unix://${sock.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')} \\(DOCKER_HOST\\)`));
  assert.match(err.message, /npm run engine:up/);
  assert.match(err.hint.zh, /启动 Docker/);
  const missing = await connectEngine({ env: { DOCKER_HOST: 'unix:///nonexistent/docker.sock' } }).then(() => undefined, (e) => e);
  assert.match(missing.message, /no such socket/);
});

test('an address where nothing answers ends in an error, not a hang', async () => {
  // 192.0.2.0/24 is TEST-NET-1: never routed, so only the time budget can end the attempt.
  const err = await connectEngine({ env: { DOCKER_HOST: 'tcp://192.0.2.1:2375' }, timeoutMs: 500 }).then(() => undefined, (e) => e);
  assert.ok(err instanceof EngineUnavailableError);
  assert.match(err.message, /192\.0\.2\.1/);
});
