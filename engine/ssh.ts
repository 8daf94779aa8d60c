// An ssh:// engine through the system's OpenSSH client, the way the docker CLI reaches one: every connection to the
// engine's API is `ssh HOST docker system dial-stdio`, every connection to a port the container publishes on the
// engine host's 127.0.0.1 is `ssh -W 127.0.0.1:PORT HOST`, all multiplexed over one master connection. OpenSSH brings
// what users already set up: ~/.ssh/config, known_hosts, the agent, identity files, ProxyJump.
//
// The kit talks to local relays (a unix socket for the API, a 127.0.0.1 port per published port), so dockerode and
// node:http see ordinary sockets. Written here because docker-modem's own ssh transport hands node:http an ssh2
// channel without setTimeout (a TypeError on Node 20) and opens one SSH connection per API call.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface SshTarget {
  /** `user@host` or `host`, as ssh takes it. */
  dest: string;
  port?: string;
}

export function sshTarget(url: string): SshTarget {
  const u = new URL(url);
  if (u.protocol !== 'ssh:' || !u.hostname) throw new Error(`not an ssh://[user@]host[:port] address: ${url}`);
  const host = u.hostname.startsWith('[') ? u.hostname.slice(1, -1) : u.hostname;
  return { dest: u.username ? `${decodeURIComponent(u.username)}@${host}` : host, port: u.port || undefined };
}

/**
 * A socket's path must fit sockaddr_un (104 bytes on macOS, 108 on Linux). ssh binds `<ControlPath>.<16 random chars>`
 * first, with %C 40 hex chars: a long TMPDIR (macOS's /var/folders/…, an editor's own temp dir) would not fit, and ssh
 * then refuses to connect at all. Such a TMPDIR gives way to /tmp.
 */
export function controlDirIn(tmp: string, uid: number | string): string {
  const dir = path.join(tmp, `modelarts-kit-ssh-${uid}`);
  return Buffer.byteLength(dir) + 1 + 40 + 17 <= 100 ? dir : path.join('/tmp', `modelarts-kit-ssh-${uid}`);
}

/** Where the multiplexing master's socket lives: a directory of this user's alone (not one someone else made first). */
function controlDir(): string {
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'u';
  const dir = controlDirIn(os.tmpdir(), uid);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const st = fs.lstatSync(dir);
  if (!st.isDirectory() || (typeof uid === 'number' && st.uid !== uid) || (st.mode & 0o077) !== 0) {
    throw new Error(`${dir} is not a private directory of this user: remove it, then try again`);
  }
  return dir;
}

/** BatchMode: never a password prompt (that would hang a run); one master connection reused for 60 s. */
function sshArgs(t: SshTarget): string[] {
  const mux = process.platform === 'win32' ? [] : ['-o', 'ControlMaster=auto', '-o', `ControlPath=${controlDir()}/%C`, '-o', 'ControlPersist=60'];
  return ['-o', 'BatchMode=yes', '-o', 'ConnectTimeout=8', ...mux, ...(t.port ? ['-p', t.port] : [])];
}

export interface SshRelay {
  /** The local socket that reaches the remote engine's API. */
  socketPath: string;
  /** A 127.0.0.1 port on this machine that reaches `port` on the engine host's 127.0.0.1. */
  reach(port: number): Promise<number>;
  /** The last thing ssh said when a connection failed (unknown host key, refused key, no docker there). */
  lastError(): string | undefined;
  close(): void;
}

/** Pipes a local connection through one ssh process; either side closing ends the other. */
function pipeThroughSsh(c: net.Socket, args: string[], onError: (text: string) => void): void {
  const child = spawn('ssh', args, { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr = (stderr + d.toString('utf8')).slice(-2000)));
  child.on('error', (e) => onError(`ssh could not be started: ${e.message}`));
  // 'close' comes after ssh's output and its stderr are read: the client sees the end only once the reason is known.
  child.on('close', (code) => {
    if (code && stderr.trim()) onError(stderr.trim().split('\n').filter(Boolean).slice(-2).join(' '));
    c.end();
  });
  c.pipe(child.stdin).on('error', () => undefined);
  child.stdout.pipe(c, { end: false }).on('error', () => undefined);
  c.on('error', () => undefined);
  c.on('close', () => child.kill());
}

function listen(server: net.Server, where: string | number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    if (typeof where === 'number') server.listen(where, '127.0.0.1', () => resolve());
    else server.listen(where, () => resolve());
  });
}

export async function openSshRelay(t: SshTarget): Promise<SshRelay> {
  const base = sshArgs(t);
  let last: string | undefined;
  const onError = (text: string) => (last = text);
  const socketPath = process.platform === 'win32'
    ? `\\\\.\\pipe\\modelarts-kit-${process.pid}-${Date.now()}`
    : path.join(controlDir(), `api-${process.pid}-${Date.now()}.sock`);
  const api = net.createServer((c) => pipeThroughSsh(c, [...base, '--', t.dest, 'docker', 'system', 'dial-stdio'], onError));
  await listen(api, socketPath);
  api.unref();
  const ports = new Map<number, Promise<number>>();
  const servers: net.Server[] = [api];
  const reach = (port: number): Promise<number> => {
    let p = ports.get(port);
    if (!p) {
      const s = net.createServer((c) => pipeThroughSsh(c, [...base, '-W', `127.0.0.1:${port}`, '--', t.dest], onError));
      servers.push(s);
      p = listen(s, 0).then(() => {
        s.unref();
        return (s.address() as net.AddressInfo).port;
      });
      ports.set(port, p);
    }
    return p;
  };
  return {
    socketPath, reach, lastError: () => last,
    close: () => {
      for (const s of servers) s.close();
      if (process.platform !== 'win32') fs.rmSync(socketPath, { force: true });
    },
  };
}
