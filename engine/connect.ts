// Finds the Docker (or Podman) engine the user's own docker CLI would talk to, and answers fast when none does.
// Order follows the docker CLI: DOCKER_HOST, then DOCKER_CONTEXT / the current context of ~/.docker/config.json,
// then the default sockets (Docker, Docker Desktop's per-user socket, Podman's rootless and rootful sockets).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Docker from 'dockerode';
import { L } from '../core/i18n';
import type { Localized } from '../core/types';
import { openSshRelay, sshTarget, type SshRelay, type SshTarget } from './ssh';
import { EngineRefusedError } from './report';
import { isLoopback } from '../core/analysis/servers';

interface Endpoint {
  /** Where this endpoint came from, for the "what was tried" list. */
  source: string;
  /** Display form, e.g. unix:///var/run/docker.sock or tcp://host:2376. */
  url: string;
  options: Docker.DockerOptions;
  /** ssh://: reached through the system's ssh client (engine/ssh.ts); `options` are filled when it connects. */
  ssh?: SshTarget;
}

export interface Engine {
  docker: Docker;
  endpoint: Endpoint;
  /** Server version and API version as the engine reports them. */
  version: string;
  apiVersion: string;
  /**
   * Rootless Podman: its compat API's default network ("bridge") needs a rootless network namespace that many hosts
   * cannot mount; containers then run on slirp4netns, which publishes ports as the bridge does.
   */
  podmanRootless?: boolean;
  /**
   * The port on this machine that reaches `hostPort`, a port the engine published on its host's 127.0.0.1: the same
   * port for a local engine, a relay through the same SSH connection for an ssh:// one.
   */
  reach(hostPort: number): Promise<number>;
  /** Closes what the connection opened (the ssh relays); a local engine has nothing to close. */
  close(): void;
}

export class EngineUnavailableError extends Error {
  constructor(readonly tried: { endpoint: Endpoint; error: string }[], readonly hint: Localized) {
    super(
      'No container engine answers. Tried:\n' +
        tried.map((t) => `  - ${t.endpoint.url} (${t.endpoint.source}): ${t.error}`).join('\n') +
        '\n' + hint.en,
    );
    this.name = 'EngineUnavailableError';
  }
}

interface ConnectOptions {
  /** An explicit engine address (a setting or flag); wins over the environment. */
  host?: string;
  env?: NodeJS.ProcessEnv;
  homeDir?: string;
  /** Total time to find an engine; the whole answer comes within this budget. */
  timeoutMs?: number;
  /**
   * `ssh://[user@]host[:port]` of the engine's host, for a tcp:// engine on another machine: its published ports sit on
   * that host's 127.0.0.1 and are reached through this SSH connection (`ssh -W`), never by publishing on an open port.
   */
  tunnel?: string;
}

function endpointFromHost(
  host: string, source: string, env: NodeJS.ProcessEnv, tls?: { ca?: Buffer; cert?: Buffer; key?: Buffer; skipVerify?: boolean },
): Endpoint {
  if (host.startsWith('unix://') || host.startsWith('/')) {
    const socketPath = host.startsWith('unix://') ? host.slice(7) : host;
    return { source, url: 'unix://' + socketPath, options: { socketPath } };
  }
  if (host.startsWith('npipe://')) return { source, url: host, options: { socketPath: host.slice(8) } };
  const u = new URL(host.includes('://') ? host : 'tcp://' + host);
  if (u.protocol === 'ssh:') return { source, url: host, options: {}, ssh: sshTarget(host) };
  const verify = env.DOCKER_TLS_VERIFY !== undefined && env.DOCKER_TLS_VERIFY !== '' && env.DOCKER_TLS_VERIFY !== '0';
  const certDir = env.DOCKER_CERT_PATH || path.join(env.HOME || os.homedir(), '.docker');
  const read = (f: string): Buffer | undefined => {
    try {
      return fs.readFileSync(path.join(certDir, f));
    } catch {
      return undefined;
    }
  };
  const useTls = !!tls || verify || u.port === '2376' || u.protocol === 'https:';
  const options: Docker.DockerOptions = { host: u.hostname, port: u.port || (useTls ? 2376 : 2375), protocol: useTls ? 'https' : 'http' };
  if (useTls) {
    const t = tls ?? { ca: read('ca.pem'), cert: read('cert.pem'), key: read('key.pem') };
    Object.assign(options, { ca: t.ca, cert: t.cert, key: t.key });
  }
  return { source, url: `${useTls ? 'tcp+tls' : 'tcp'}://${u.hostname}:${options.port}`, options };
}

/** The endpoint of a docker context by name (~/.docker/contexts/meta/<sha256(name)>/meta.json). */
function contextEndpoint(name: string, home: string, env: NodeJS.ProcessEnv): Endpoint | undefined {
  const metaRoot = path.join(home, '.docker', 'contexts', 'meta');
  let dirs: string[];
  try {
    dirs = fs.readdirSync(metaRoot);
  } catch {
    return undefined;
  }
  for (const d of dirs) {
    try {
      const meta = JSON.parse(fs.readFileSync(path.join(metaRoot, d, 'meta.json'), 'utf8'));
      if (meta?.Name !== name) continue;
      const ep = meta?.Endpoints?.docker;
      if (typeof ep?.Host !== 'string') return undefined;
      const tlsDir = path.join(home, '.docker', 'contexts', 'tls', d, 'docker');
      const rd = (f: string) => (fs.existsSync(path.join(tlsDir, f)) ? fs.readFileSync(path.join(tlsDir, f)) : undefined);
      const tls = fs.existsSync(tlsDir) ? { ca: rd('ca.pem'), cert: rd('cert.pem'), key: rd('key.pem'), skipVerify: !!ep.SkipTLSVerify } : undefined;
      return endpointFromHost(ep.Host, `docker context "${name}"`, env, tls);
    } catch {
      continue;
    }
  }
  return undefined;
}

/** Every endpoint to try, in the docker CLI's order. An explicit choice (flag, DOCKER_HOST, context) is tried alone. */
export function candidateEndpoints(opts: ConnectOptions = {}): Endpoint[] {
  const env = opts.env ?? process.env;
  const home = opts.homeDir ?? env.HOME ?? os.homedir();
  if (opts.host) return [endpointFromHost(opts.host, 'setting', env)];
  if (env.DOCKER_HOST) return [endpointFromHost(env.DOCKER_HOST, 'DOCKER_HOST', env)];
  let ctxName = env.DOCKER_CONTEXT;
  if (!ctxName) {
    try {
      ctxName = JSON.parse(fs.readFileSync(path.join(env.DOCKER_CONFIG || path.join(home, '.docker'), 'config.json'), 'utf8'))?.currentContext;
    } catch {
      ctxName = undefined;
    }
  }
  if (ctxName && ctxName !== 'default') {
    const ep = contextEndpoint(ctxName, home, env);
    if (ep) return [ep];
  }
  const uid = typeof process.getuid === 'function' ? process.getuid() : 0;
  const runtime = env.XDG_RUNTIME_DIR || `/run/user/${uid}`;
  const sockets: [string, string][] = [
    ['/var/run/docker.sock', 'default socket'],
    [path.join(home, '.docker', 'run', 'docker.sock'), 'Docker Desktop socket'],
    [path.join(runtime, 'docker.sock'), 'rootless Docker socket'],
    [path.join(runtime, 'podman', 'podman.sock'), 'Podman socket (rootless)'],
    ['/run/podman/podman.sock', 'Podman socket'],
  ];
  return sockets.map(([p, source]) => endpointFromHost('unix://' + p, source, env));
}

const HINT = L(
  'Start Docker (Linux: `sudo dockerd` or `sudo systemctl start docker`; in this project: `npm run engine:up`), ' +
    'or point DOCKER_HOST at a running engine (unix://…, tcp://host:2376 with DOCKER_TLS_VERIFY=1 and DOCKER_CERT_PATH, ssh://user@host), ' +
    'or select a working context with `docker context use NAME`. Podman: `systemctl --user start podman.socket`.',
  '请启动 Docker（Linux：`sudo dockerd` 或 `sudo systemctl start docker`；本项目中：`npm run engine:up`），' +
    '或将 DOCKER_HOST 指向正在运行的引擎（unix://…、带 DOCKER_TLS_VERIFY=1 与 DOCKER_CERT_PATH 的 tcp://host:2376、ssh://user@host），' +
    '或用 `docker context use NAME` 选择可用的上下文。Podman：`systemctl --user start podman.socket`。',
);

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let t: NodeJS.Timeout | undefined;
  return Promise.race([
    p.finally(() => clearTimeout(t)),
    new Promise<T>((_, rej) => {
      t = setTimeout(() => rej(new Error(`${what}: no answer within ${ms} ms`)), ms);
      t.unref();
    }),
  ]);
}

/**
 * Connects to the first endpoint that answers /version. Sockets are pinged in parallel so the answer
 * (an engine or an EngineUnavailableError listing every attempt) comes within timeoutMs, never a hang.
 */
export async function connectEngine(opts: ConnectOptions = {}): Promise<Engine> {
  const budget = opts.timeoutMs ?? 1800;
  const tried: { endpoint: Endpoint; error: string }[] = [];
  let candidates: Endpoint[];
  try {
    candidates = candidateEndpoints(opts);
  } catch (e) {
    const endpoint = { source: 'DOCKER_HOST', url: String((opts.env ?? process.env).DOCKER_HOST), options: {} };
    throw new EngineUnavailableError([{ endpoint, error: (e as Error).message }], HINT);
  }
  const tunnel = opts.tunnel ?? (opts.env ?? process.env).MODELARTS_TUNNEL;
  const settled = await Promise.allSettled(candidates.map((endpoint) => ping(endpoint, budget, tunnel)));
  for (let i = 0; i < settled.length; i++) {
    const s = settled[i];
    if (s.status === 'fulfilled') return s.value;
    tried.push({ endpoint: candidates[i], error: errorText(s.reason) });
  }
  throw new EngineUnavailableError(tried, HINT);
}

/**
 * The endpoint's options and nothing else: docker-modem merges DOCKER_HOST's host, port and protocol under whatever
 * it is given, so an explicit socket would still go to the environment's (ssh) host.
 */
const only = (o: Docker.DockerOptions): Docker.DockerOptions => ({
  host: undefined, port: undefined, protocol: undefined, socketPath: undefined, username: undefined, ca: undefined, cert: undefined,
  key: undefined, sshOptions: undefined, timeout: undefined, ...({ pathPrefix: undefined } as object), ...o,
});

interface Version { Version?: string; ApiVersion?: string; Components?: { Name?: string }[] }

const isPodman = (v: Version): boolean => !!v.Components?.some((c) => /podman/i.test(c.Name ?? ''));

/** Podman's compat /info says `Rootless: true` (Docker's rootless mode says `name=rootless` in SecurityOptions). */
async function rootless(docker: Docker, budget: number): Promise<boolean> {
  const info = (await withTimeout(docker.info(), budget, 'info').catch(() => ({}))) as { Rootless?: boolean; SecurityOptions?: string[] };
  return info.Rootless === true || !!info.SecurityOptions?.some((o) => o.includes('rootless'));
}

/**
 * A local engine's published port is reachable as is. A tcp:// engine on another machine published it on that
 * machine's 127.0.0.1: without a tunnel, say how to name one rather than probe a port that is not there.
 */
export function unreachableFrom(endpoint: Pick<Endpoint, 'url' | 'options'>): Engine['reach'] {
  const host = typeof endpoint.options.host === 'string' ? endpoint.options.host : undefined;
  if (!host || isLoopback(host)) return async (p) => p;
  return async () => {
    throw new EngineRefusedError(L(
      `the engine at ${endpoint.url} publishes the container's port on its own 127.0.0.1, which this machine cannot reach: `
        + `name an SSH tunnel to that host (--tunnel ssh://user@${host}, the setting modelarts.dockerTunnel, or MODELARTS_TUNNEL), `
        + `or use DOCKER_HOST=ssh://user@${host}. The kit never publishes the port on an open address.`,
      `${endpoint.url} 上的引擎把容器端口发布在它自己的 127.0.0.1 上，本机无法访问：请指定到该主机的 SSH 隧道`
        + `（--tunnel ssh://user@${host}、设置 modelarts.dockerTunnel 或 MODELARTS_TUNNEL），或使用 DOCKER_HOST=ssh://user@${host}。`
        + '本工具不会把端口发布到开放地址上。'));
  };
}

/** An SSH handshake over a network takes longer than a local socket's answer. */
const SSH_BUDGET_MS = 10_000;

/** Asks one endpoint for its version; an engine when it answers. */
async function ping(endpoint: Endpoint, budget: number, tunnel?: string): Promise<Engine> {
  let relay: SshRelay | undefined;
  if (endpoint.ssh) {
    relay = await openSshRelay(endpoint.ssh);
    endpoint.options = { socketPath: relay.socketPath };
    budget = Math.max(budget, SSH_BUDGET_MS);
  } else if (tunnel && endpoint.options.host) {
    relay = await openSshRelay(sshTarget(tunnel));
  }
  const sock = endpoint.options.socketPath;
  if (!relay && typeof sock === 'string' && !sock.startsWith('//') && !fs.existsSync(sock)) throw new Error('no such socket');
  try {
    // A separate client with a timeout for the ping only: builds and log streams must not time out.
    const probe = new Docker(only({ ...endpoint.options, timeout: budget }));
    const v = (await withTimeout(probe.version(), budget, 'version')) as Version;
    const r = relay;
    return {
      docker: new Docker(only(endpoint.options)), endpoint, version: v.Version ?? '?', apiVersion: v.ApiVersion ?? '?',
      podmanRootless: isPodman(v) ? await rootless(probe, budget) : undefined,
      reach: r ? (p) => r.reach(p) : unreachableFrom(endpoint),
      close: () => r?.close(),
    };
  } catch (e) {
    relay?.close();
    // What ssh said (an unknown host key, a refused key, no docker on the host) says more than a closed socket.
    const said = relay?.lastError();
    throw said ? new Error(`ssh: ${said}`) : e;
  }
}

function errorText(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  if (err?.code === 'ECONNREFUSED') return 'connection refused (socket present, nothing listening)';
  if (err?.code === 'EACCES') return 'permission denied (add yourself to the docker group or use sudo)';
  if (err?.code === 'ENOENT') return 'no such socket';
  return String(err?.message ?? e).split('\n')[0];
}
