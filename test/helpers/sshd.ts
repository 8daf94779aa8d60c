// A real OpenSSH server on loopback for the ssh:// engine tests: its own host key, a client key in its own agent,
// and a known_hosts line for it (added to the user's known_hosts, removed at the end: OpenSSH reads the passwd
// home's file, not $HOME). The "remote" engine is this machine's, reached as root@127.0.0.1 through sshd.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';

export interface Sshd {
  port: number;
  /** `ssh://root@127.0.0.1:PORT`. */
  url: string;
  /** The environment a client needs: SSH_AUTH_SOCK of the agent holding the client key. */
  env: NodeJS.ProcessEnv;
  stop(): void;
}

const SSHD = '/usr/sbin/sshd';

/** Why no server can run here (no sshd, not root), or undefined. */
export function sshdMissing(): string | undefined {
  if (!fs.existsSync(SSHD)) return 'no /usr/sbin/sshd (Debian openssh-server)';
  if (process.getuid?.() !== 0) return 'sshd tests run as root';
  return undefined;
}

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const s = net.createServer().listen(0, '127.0.0.1', () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
    s.on('error', reject);
  });

function run(cmd: string, args: string[], env?: NodeJS.ProcessEnv): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', env: env ?? process.env });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

async function waitForPort(port: number, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`sshd exited with ${child.exitCode}`);
    const ok = await new Promise<boolean>((res) => net.connect(port, '127.0.0.1').once('connect', function (this: net.Socket) {
      this.destroy();
      res(true);
    }).once('error', () => res(false)));
    if (ok) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`sshd did not listen on ${port}`);
}

function startAgent(dir: string, key: string): { env: NodeJS.ProcessEnv; pid: number } {
  const out = run('ssh-agent', ['-s', '-a', path.join(dir, 'agent.sock')]);
  const pid = Number(/SSH_AGENT_PID=(\d+)/.exec(out)?.[1]);
  const env = { ...process.env, SSH_AUTH_SOCK: path.join(dir, 'agent.sock') };
  run('ssh-add', ['-q', key], env);
  return { env, pid };
}

/** Adds the server's key to ~/.ssh/known_hosts; returns how to take it out again. */
function trustHostKey(port: number, hostPub: string): () => void {
  const sshDir = path.join(os.userInfo().homedir, '.ssh');
  fs.mkdirSync(sshDir, { recursive: true, mode: 0o700 });
  const file = path.join(sshDir, 'known_hosts');
  const line = `[127.0.0.1]:${port} ${fs.readFileSync(hostPub, 'utf8').trim().split(' ').slice(0, 2).join(' ')}\n`;
  fs.appendFileSync(file, line, { mode: 0o600 });
  return () => {
    const kept = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l && `${l}\n` !== line);
    fs.writeFileSync(file, kept.length ? kept.join('\n') + '\n' : '');
  };
}

export async function startSshd(): Promise<Sshd> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-sshd-'));
  const [hostKey, clientKey] = [path.join(dir, 'host_ed25519'), path.join(dir, 'client_ed25519')];
  run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', hostKey]);
  run('ssh-keygen', ['-q', '-t', 'ed25519', '-N', '', '-f', clientKey]);
  fs.copyFileSync(`${clientKey}.pub`, path.join(dir, 'authorized_keys'));
  const port = await freePort();
  const config = [
    `Port ${port}`, 'ListenAddress 127.0.0.1', `HostKey ${hostKey}`, `PidFile ${path.join(dir, 'sshd.pid')}`,
    'PermitRootLogin prohibit-password', 'PasswordAuthentication no', `AuthorizedKeysFile ${path.join(dir, 'authorized_keys')}`,
    // The key files live under /tmp, which StrictModes refuses (world-writable parent).
    'StrictModes no', 'UsePAM no', 'MaxSessions 100', 'MaxStartups 100',
  ].join('\n');
  fs.writeFileSync(path.join(dir, 'sshd_config'), config + '\n');
  fs.mkdirSync('/run/sshd', { recursive: true });
  const child = spawn(SSHD, ['-D', '-e', '-f', path.join(dir, 'sshd_config')], { stdio: ['ignore', 'ignore', 'pipe'] });
  await waitForPort(port, child);
  const agent = startAgent(dir, clientKey);
  const untrust = trustHostKey(port, `${hostKey}.pub`);
  return {
    port, url: `ssh://root@127.0.0.1:${port}`, env: agent.env,
    stop: () => {
      child.kill();
      try {
        process.kill(agent.pid);
      } catch {
        // already gone
      }
      untrust();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
