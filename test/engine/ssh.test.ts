// An ssh:// engine, for real: an OpenSSH server on loopback, the engine behind it reached with the system's ssh
// client (docker system dial-stdio), the container's published port reached through the same SSH connection.
import { test, before, after } from 'node:test';
import * as assert from 'node:assert/strict';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import * as net from 'node:net';
import * as tls from 'node:tls';
import { connectEngine, EngineUnavailableError, unreachableFrom, type Engine } from '../../engine/connect';
import { EngineRefusedError } from '../../engine/report';
import { runConformance } from '../../engine/conformance';
import { startSshd, sshdMissing, type Sshd } from '../helpers/sshd';
import { controlDirIn } from '../../engine/ssh';
import { EXAMPLES, engineOrSkip } from './engine-helpers';

let sshd: Sshd | undefined;
let remote: Engine | undefined;
const missing = sshdMissing();

before(async () => {
  if (missing) {
    if (process.env.CI) throw new Error(`ssh engine tests cannot run: ${missing}`);
    return;
  }
  if (!(await engineOrSkip())) return;
  sshd = await startSshd();
  Object.assign(process.env, { SSH_AUTH_SOCK: sshd.env.SSH_AUTH_SOCK });
  remote = await connectEngine({ env: { ...sshd.env, DOCKER_HOST: sshd.url } });
});

after(() => {
  remote?.close();
  sshd?.stop();
});

test('DOCKER_HOST=ssh://root@127.0.0.1:PORT connects through sshd and reports the engine', (t) => {
  if (!remote) return t.skip(missing ?? 'no engine');
  assert.equal(remote.endpoint.url, sshd!.url);
  assert.match(remote.version, /^\d+\.\d+/);
});

test('examples/online passes every check on the ssh:// engine: build, run, probe and requests through SSH', async (t) => {
  if (!remote) return t.skip(missing ?? 'no engine');
  const r = await runConformance(path.join(EXAMPLES, 'online'), { engine: remote, stopTimeoutS: 15 });
  const failed = r.checks.filter((c) => c.status === 'fail');
  assert.deepEqual(failed, [], JSON.stringify(failed, null, 1));
  assert.equal(r.passed, true);
  assert.equal(r.checks.filter((c) => c.id.startsWith('api ') && c.status === 'pass').length, 2);
  assert.match(r.engine ?? '', /^ssh:\/\/root@127\.0\.0\.1:\d+ /);
});

test('the editor\'s path: modelarts.dockerHost = ssh://… (the host option, no DOCKER_HOST) runs the whole test too', async (t) => {
  if (!remote) return t.skip(missing ?? 'no engine');
  // The extension passes the user setting as `host` (client/src/workflow.ts); the environment has no DOCKER_HOST.
  const env = { ...sshd!.env };
  delete env.DOCKER_HOST;
  const engine = await connectEngine({ host: sshd!.url, env });
  try {
    assert.equal(engine.endpoint.source, 'setting');
    const r = await runConformance(path.join(EXAMPLES, 'online'), { engine, stopTimeoutS: 15 });
    assert.equal(r.passed, true, JSON.stringify(r.checks.filter((c) => c.status === 'fail')));
  } finally {
    engine.close();
  }
});

test('a long TMPDIR (an editor\'s own, macOS\'s /var/folders/…): the ssh:// engine still connects (the control socket fits)', async (t) => {
  if (!remote) return t.skip(missing ?? 'no engine');
  // code-server's extension host had such a TMPDIR: ssh refused with "path … too long for Unix domain socket".
  const long = fs.mkdtempSync(path.join(os.tmpdir(), 'a-temp-directory-as-long-as-an-editor-gives-its-extension-host-'));
  const saved = process.env.TMPDIR;
  process.env.TMPDIR = long;
  try {
    assert.ok(Buffer.byteLength(path.join(long, 'modelarts-kit-ssh-0', 'x'.repeat(40))) > 104, 'the directory is too long for a socket');
    const engine = await connectEngine({ host: sshd!.url, env: { ...sshd!.env } });
    try {
      assert.match(engine.version, /^\d+\.\d+/);
    } finally {
      engine.close();
    }
  } finally {
    if (saved === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = saved;
    fs.rmSync(long, { recursive: true, force: true });
  }
  assert.equal(controlDirIn('/tmp', 0), '/tmp/modelarts-kit-ssh-0');
  assert.equal(controlDirIn(long, 0), '/tmp/modelarts-kit-ssh-0');
});

test('the CLI with DOCKER_HOST=ssh://… runs `test examples/online` green (it crashed in the ssh transport before)', (t) => {
  if (!remote) return t.skip(missing ?? 'no engine');
  const cli = path.resolve(__dirname, '../../cli/main.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', cli, 'test', path.join(EXAMPLES, 'online'), '--format', 'json', '--stop-timeout', '15'],
    { encoding: 'utf8', env: { ...sshd!.env, DOCKER_HOST: sshd!.url } });
  assert.equal(r.status, 0, r.stderr + r.stdout);
  assert.equal(JSON.parse(r.stdout).passed, true);
  assert.doesNotMatch(r.stderr, /setTimeout is not a function/);
});

test('a docker context (DOCKER_CONTEXT) whose endpoint is ssh://… is followed through sshd, as `docker context create` writes it', async (t) => {
  if (!remote) return t.skip(missing ?? 'no engine');
  const home = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-ctx-'));
  const meta = path.join(home, '.docker', 'contexts', 'meta', crypto.createHash('sha256').update('kit-ssh').digest('hex'));
  fs.mkdirSync(meta, { recursive: true });
  const context = { Name: 'kit-ssh', Metadata: {}, Endpoints: { docker: { Host: sshd!.url, SkipTLSVerify: false } } };
  fs.writeFileSync(path.join(meta, 'meta.json'), JSON.stringify(context));
  const env: NodeJS.ProcessEnv = { ...sshd!.env, DOCKER_CONTEXT: 'kit-ssh' };
  delete env.DOCKER_HOST;
  const engine = await connectEngine({ env, homeDir: home });
  try {
    assert.equal(engine.endpoint.source, 'docker context "kit-ssh"');
    assert.equal(engine.endpoint.url, sshd!.url);
    assert.equal(engine.version, remote.version);
  } finally {
    engine.close();
    fs.rmSync(home, { recursive: true, force: true });
  }
});

test('a host whose key is not known: the engine error says what ssh said, at once', async (t) => {
  if (!remote) return t.skip(missing ?? 'no engine');
  // "localhost" is another name than the known_hosts line's [127.0.0.1]:PORT: BatchMode refuses, never prompts.
  const t0 = Date.now();
  const err = await connectEngine({ env: { ...sshd!.env, DOCKER_HOST: `ssh://root@localhost:${sshd!.port}` } }).then(() => undefined, (e) => e);
  assert.ok(err instanceof EngineUnavailableError, String(err));
  assert.match(err.message, /ssh: .*Host key verification failed/);
  assert.ok(Date.now() - t0 < 9000, 'no timeout waited out');
});

/** The local engine's API as tcp://127.0.0.1:PORT, for the test only (loopback, closed at the end). */
async function tcpRelay(): Promise<{ url: string; close(): void }> {
  const server = net.createServer((c) => {
    const u = net.connect('/var/run/docker.sock');
    c.pipe(u).on('error', () => undefined);
    u.pipe(c).on('error', () => undefined);
    c.on('error', () => u.destroy());
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`, close: () => server.close() };
}

test('a tcp:// engine with --tunnel ssh://…: the published port is reached through the SSH connection', async (t) => {
  if (!remote) return t.skip(missing ?? 'no engine');
  const relay = await tcpRelay();
  const engine = await connectEngine({ host: relay.url, tunnel: sshd!.url, env: sshd!.env });
  try {
    // The tunnel relays each connection to the engine host's 127.0.0.1:PORT: another local port than the engine's.
    assert.notEqual(await engine.reach(1), 1);
    const r = await runConformance(path.join(EXAMPLES, 'online'), { engine, stopTimeoutS: 15 });
    assert.deepEqual(r.checks.filter((c) => c.status === 'fail'), []);
    assert.equal(r.passed, true);
  } finally {
    engine.close();
    relay.close();
  }
});

test('a tcp:// engine on another machine without a tunnel: told how to name one, never probed on an open port', async () => {
  const far = unreachableFrom({ url: 'tcp://10.0.0.5:2376', options: { host: '10.0.0.5' } });
  const err = await far(8080).then(() => undefined, (e) => e);
  assert.ok(err instanceof EngineRefusedError);
  assert.match(err.text.en, /--tunnel ssh:\/\/user@10\.0\.0\.5/);
  assert.match(err.text.zh, /SSH 隧道/);
  assert.equal(await unreachableFrom({ url: 'tcp://127.0.0.1:2375', options: { host: '127.0.0.1' } })(8080), 8080, 'loopback: as is');
});

/** A CA, a server certificate for 127.0.0.1 and a client certificate, as DOCKER_CERT_PATH holds them (openssl). */
function makeCerts(dir: string): void {
  const ssl = (...args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
  };
  ssl('req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca-key.pem', '-out', 'ca.pem', '-days', '1', '-subj', '/CN=kit test CA');
  const exts: [string, string[]][] = [['server', ['subjectAltName=IP:127.0.0.1', 'extendedKeyUsage=serverAuth']], ['client', ['extendedKeyUsage=clientAuth']]];
  for (const [name, ext] of exts) {
    fs.writeFileSync(path.join(dir, `${name}.ext`), ext.join('\n') + '\n');
    ssl('req', '-newkey', 'rsa:2048', '-nodes', '-keyout', `${name}-key.pem`, '-out', `${name}.csr`, '-subj', `/CN=${name}`);
    ssl('x509', '-req', '-in', `${name}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca-key.pem', '-CAcreateserial', '-out', `${name}.pem`, '-days', '1',
      '-extfile', `${name}.ext`);
  }
  fs.copyFileSync(path.join(dir, 'client.pem'), path.join(dir, 'cert.pem'));
  fs.copyFileSync(path.join(dir, 'client-key.pem'), path.join(dir, 'key.pem'));
}

/** The local engine's API behind TLS that asks for a client certificate of the test CA, as dockerd --tlsverify does. */
async function tlsRelay(dir: string): Promise<{ url: string; close(): void }> {
  const rd = (f: string) => fs.readFileSync(path.join(dir, f));
  const server = tls.createServer({ key: rd('server-key.pem'), cert: rd('server.pem'), ca: rd('ca.pem'), requestCert: true, rejectUnauthorized: true },
    (c) => {
      const u = net.connect('/var/run/docker.sock');
      c.pipe(u).on('error', () => undefined);
      u.pipe(c).on('error', () => undefined);
      c.on('error', () => u.destroy());
    });
  server.on('tlsClientError', () => undefined);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return { url: `tcp://127.0.0.1:${(server.address() as net.AddressInfo).port}`, close: () => server.close() };
}

test('a tcp+TLS engine (DOCKER_TLS_VERIFY, DOCKER_CERT_PATH) with --tunnel ssh://…: the whole test over TLS, the port through SSH', async (t) => {
  if (!remote) return t.skip(missing ?? 'no engine');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-tls-'));
  makeCerts(dir);
  const relay = await tlsRelay(dir);
  const env = { ...sshd!.env, DOCKER_HOST: relay.url, DOCKER_TLS_VERIFY: '1', DOCKER_CERT_PATH: dir };
  try {
    // Without the client certificate the server refuses the handshake: the test talks real TLS.
    const bare = fs.mkdtempSync(path.join(dir, 'ca-only-'));
    fs.copyFileSync(path.join(dir, 'ca.pem'), path.join(bare, 'ca.pem'));
    await assert.rejects(connectEngine({ env: { ...env, DOCKER_CERT_PATH: bare }, tunnel: sshd!.url }), EngineUnavailableError);
    const engine = await connectEngine({ env, tunnel: sshd!.url });
    try {
      assert.match(engine.endpoint.url, /^tcp\+tls:\/\/127\.0\.0\.1:\d+$/);
      const r = await runConformance(path.join(EXAMPLES, 'online'), { engine, stopTimeoutS: 15 });
      assert.deepEqual(r.checks.filter((c) => c.status === 'fail'), []);
      assert.equal(r.passed, true);
    } finally {
      engine.close();
    }
  } finally {
    relay.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
