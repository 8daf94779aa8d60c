// Why a container ended: the engine's record of it (killed for memory, with the limit it ran under) and the
// signal a 128+N exit code stands for, so MA403 says more than a number.
import { constants } from 'node:os';
import type Docker from 'dockerode';

export interface ExitCause {
  /** The kernel's OOM killer ended it. */
  oomKilled: boolean;
  /** The container's memory limit in bytes; 0 when none was set (then the host ran out). */
  memoryLimit: number;
  /** `SIGKILL` for exit code 137 (128 + 9), and so on; undefined for a plain exit. */
  signal?: string;
}

const SIGNALS = new Map(Object.entries(constants.signals).map(([name, n]) => [n, name]));

/** The signal a shell-style exit code 128+N names, if N is a signal. */
export function signalOfExitCode(code: number): string | undefined {
  return code > 128 && code < 128 + 65 ? SIGNALS.get(code - 128) : undefined;
}

/** What the engine's record of an ended container (`docker inspect`) says of its end. */
export function exitCauseOf(info: Docker.ContainerInspectInfo, exitCode: number): ExitCause {
  return { oomKilled: !!info.State?.OOMKilled, memoryLimit: info.HostConfig?.Memory ?? 0, signal: signalOfExitCode(exitCode) };
}
