// A command run inside the running container through the engine (docker exec): its output, its exit code, and
// whether it ended in time. No shell (the argv is run as given) and no User: the exec runs as the container's user.
import type Docker from 'dockerode';
import type { Engine } from './connect';

export interface ExecResult {
  /** False: no end within the time limit (the process may still run inside the container). */
  ended: boolean;
  /** Undefined when it did not end in time or the engine did not say. */
  exitCode?: number;
  stdout: string;
  stderr: string;
}

export async function execInContainer(engine: Engine, container: Docker.Container, cmd: string[], timeoutMs: number): Promise<ExecResult> {
  const exec = await container.exec({ Cmd: cmd, AttachStdout: true, AttachStderr: true });
  const stream = (await exec.start({ hijack: true, stdin: false })) as NodeJS.ReadableStream & { destroy(): void };
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  engine.docker.modem.demuxStream(stream, { write: (c: Buffer) => (out.push(c), true) } as never, { write: (c: Buffer) => (err.push(c), true) } as never);
  const ended = await new Promise<boolean>((res) => {
    const t = setTimeout(() => res(false), timeoutMs);
    stream.on('end', () => (clearTimeout(t), res(true)));
    stream.on('error', () => (clearTimeout(t), res(false)));
  });
  if (!ended) stream.destroy();
  const exitCode = ended ? await exec.inspect().then((i) => i.ExitCode ?? undefined, () => undefined) : undefined;
  return { ended, exitCode: exitCode ?? undefined, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') };
}
