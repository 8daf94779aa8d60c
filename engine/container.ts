// Run, watch, stop and remove the container under test. Every container carries the kit's label so that
// cleanup (and a test) can find whatever a crash left behind.
import * as os from 'node:os';
import type Docker from 'dockerode';
import type { Engine } from './connect';
import type { GpuRequest } from '../core/deployment';

export const LABEL = 'modelarts-image-kit';
/** Which process on which machine started the container: `<hostname>:<pid>`, so a later run can tell orphans. */
export const OWNER_LABEL = 'modelarts-image-kit.owner';
const owner = (): string => `${os.hostname()}:${process.pid}`;

interface RunOptions {
  image: string;
  env?: Record<string, string>;
  /** Replaces the image's command (throwaway inspection containers). */
  cmd?: string[];
  entrypoint?: string[];
  /** The container port to publish (the deployment's service port); 8080 by default. */
  port?: number;
  /** `uid[:gid]` to run as (the platform's ma-user, 1000:100); undefined: the image's USER. */
  user?: string;
  /** A memory limit in bytes; swap is held to the same figure so the limit is real (the OOM killer acts at it). */
  memoryBytes?: number;
  gpus?: GpuRequest;
  signal?: AbortSignal;
}

/** The engine's device request for `--gpus`, as the docker CLI sends it (driver chosen by the engine, capability gpu). */
function deviceRequests(g: GpuRequest): object[] {
  if ('deviceIds' in g) return [{ Driver: '', Count: 0, DeviceIDs: g.deviceIds, Capabilities: [['gpu']] }];
  return [{ Driver: '', Count: g.count === 'all' ? -1 : g.count, Capabilities: [['gpu']] }];
}

/**
 * What the OCI runtime says when the image's own start command cannot run: missing, not executable, not in PATH, or
 * built for another CPU. Anything else (the engine's network, cgroups, a runtime that failed) is the engine's.
 */
const IMAGE_FAULT = /exec: "|executable file|not found in \$PATH|exec format error|attempted to invoke a command/i;

/** The engine refused to start the container: `imageFault` when its command is at fault (MA403), else the engine is. */
export class StartError extends Error {
  readonly imageFault: boolean;
  constructor(message: string) {
    super(message);
    this.name = 'StartError';
    this.imageFault = IMAGE_FAULT.test(message);
  }
}

export interface Running {
  container: Docker.Container;
  id: string;
  /** The port on this machine that reaches the container's (engine.reach: a relay for an ssh:// engine). */
  hostPort?: number;
  startedAt: number;
}

export async function createAndStart(engine: Engine, o: RunOptions, publish = true): Promise<Running> {
  const port = `${o.port ?? 8080}/tcp`;
  const container = await engine.docker.createContainer({
    Image: o.image,
    Env: Object.entries(o.env ?? {}).map(([k, v]) => `${k}=${v}`),
    Labels: { [LABEL]: '1', [OWNER_LABEL]: owner() },
    ...(o.cmd ? { Cmd: o.cmd } : {}),
    ...(o.entrypoint ? { Entrypoint: o.entrypoint } : {}),
    ...(o.user ? { User: o.user } : {}),
    ExposedPorts: publish ? { [port]: {} } : undefined,
    HostConfig: {
      // 127.0.0.1 only, and a port the kernel picks: fixed ports collide with whatever else runs.
      PortBindings: publish ? { [port]: [{ HostIp: '127.0.0.1', HostPort: '' }] } : undefined,
      Privileged: false,
      ...(o.memoryBytes ? { Memory: o.memoryBytes, MemorySwap: o.memoryBytes } : {}),
      ...(o.gpus ? { DeviceRequests: deviceRequests(o.gpus) } : {}),
      ...(engine.podmanRootless ? { NetworkMode: 'slirp4netns' } : {}),
    },
  });
  const startedAt = Date.now();
  try {
    await container.start();
  } catch (e) {
    // e.g. the command does not exist in the image: nothing must stay behind.
    await container.remove({ force: true }).catch(() => undefined);
    throw new StartError((e as { json?: { message?: string } }).json?.message ?? (e as Error).message);
  }
  let hostPort: number | undefined;
  if (publish) {
    try {
      const info = await container.inspect();
      const b = info.NetworkSettings?.Ports?.[port]?.[0];
      hostPort = b?.HostPort ? await engine.reach(Number(b.HostPort)) : undefined;
    } catch (e) {
      // An unreachable port (a remote engine without a tunnel): the started container must not stay behind.
      await container.remove({ force: true }).catch(() => undefined);
      throw e;
    }
  }
  return { container, id: container.id, hostPort, startedAt };
}

export interface LogTap {
  lines: string[];
  bytes: number;
  stop(): void;
  /** Waits until the log stream has ended (the container exited) or ms passed. */
  drained(ms: number): Promise<void>;
}

/** Follows stdout/stderr; keeps the last `keep` lines and counts every byte (MA408). */
export async function tapLogs(
  engine: Engine, container: Docker.Container, onLine?: (line: string, stream: 'stdout' | 'stderr') => void, keep = 200,
): Promise<LogTap> {
  const tap: LogTap = { lines: [], bytes: 0, stop: () => undefined, drained: async () => undefined };
  const stream = (await container.logs({ follow: true, stdout: true, stderr: true })) as unknown as NodeJS.ReadableStream & { destroy(): void };
  let ended = false;
  const endWaiters: (() => void)[] = [];
  const partial = { stdout: '', stderr: '' };
  const sink = (name: 'stdout' | 'stderr') => ({
    write(chunk: Buffer) {
      tap.bytes += chunk.length;
      const text = partial[name] + chunk.toString('utf8');
      const parts = text.split('\n');
      partial[name] = parts.pop() ?? '';
      for (const l of parts) add(l, name);
      return true;
    },
  });
  const add = (l: string, name: 'stdout' | 'stderr') => {
    const line = l.replace(/\r$/, '');
    tap.lines.push(line);
    if (tap.lines.length > keep) tap.lines.shift();
    onLine?.(line, name);
  };
  engine.docker.modem.demuxStream(stream, sink('stdout') as never, sink('stderr') as never);
  stream.on('end', () => {
    for (const n of ['stdout', 'stderr'] as const) {
      if (!partial[n]) continue;
      add(partial[n], n);
      partial[n] = '';
    }
    ended = true;
    endWaiters.splice(0).forEach((f) => f());
  });
  stream.on('error', () => undefined);
  tap.stop = () => stream.destroy();
  tap.drained = (ms) =>
    ended ? Promise.resolve() : new Promise<void>((res) => {
      const t = setTimeout(res, ms);
      endWaiters.push(() => (clearTimeout(t), res()));
    });
  return tap;
}

/** Sends SIGTERM (docker stop) and measures the time to exit; the daemon kills it after limitS. */
export async function stopContainer(c: Docker.Container, limitS: number): Promise<{ ms: number; killed: boolean; exitCode?: number }> {
  const t0 = Date.now();
  try {
    await c.stop({ t: limitS });
  } catch (e) {
    // 304: already stopped.
    if ((e as { statusCode?: number }).statusCode !== 304) throw e;
  }
  const ms = Date.now() - t0;
  const info = await c.inspect().catch(() => undefined);
  const exitCode = info?.State?.ExitCode;
  // SIGKILL after the grace period shows as exit code 137 and a stop that took the whole limit.
  return { ms, killed: exitCode === 137 && ms >= limitS * 1000 - 250, exitCode };
}

/** Removes containers (force) and images; never throws: cleanup must finish even on a broken engine. */
export async function removeAll(engine: Engine, ids: Iterable<string>, images: Iterable<string> = []): Promise<void> {
  await Promise.all([...ids].map((id) => engine.docker.getContainer(id).remove({ force: true, v: true }).catch(() => undefined)));
  for (const img of images) await engine.docker.getImage(img).remove({ force: true }).catch(() => undefined);
}

/** Containers still carrying the kit's label (for cleanup after a crash, and for the tests). */
export async function labelledContainers(engine: Engine): Promise<string[]> {
  const list = await engine.docker.listContainers({ all: true, filters: { label: [`${LABEL}=1`] } });
  return list.map((c) => c.Id);
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the containers a killed editor or CLI left behind: labelled, started on this machine by a process that no
 * longer exists (a SIGKILLed extension host never runs its cleanup). Containers of live processes, of other machines
 * and without an owner label are left alone. Returns the ids removed; never throws.
 */
export async function removeOrphans(engine: Engine): Promise<string[]> {
  const list = await engine.docker.listContainers({ all: true, filters: { label: [`${LABEL}=1`] } }).catch(() => []);
  const host = os.hostname();
  const orphans = list
    .filter((c) => {
      const m = /^(.*):(\d+)$/.exec(c.Labels?.[OWNER_LABEL] ?? '');
      return m !== null && m[1] === host && Number(m[2]) !== process.pid && !alive(Number(m[2]));
    })
    .map((c) => c.Id);
  await removeAll(engine, orphans);
  return orphans;
}
