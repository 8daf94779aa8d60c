// Who the container runs as, and what a permission error in its logs most likely means then. Under `current`
// ModelArts runs the container as ma-user (1000:100): files copied as root with mode 600, or a cache under /root,
// fail there and nowhere else — the most common first-deploy failure the local run can catch.
import { MA_USER } from '../../core/deployment';
import type { Localized } from '../../core/types';
import { L } from '../../core/i18n';
import { same } from '../reportText';
import MA403 from '../../core/rules/image/MA403';
import type { RunContext } from './step';

export interface RunAs {
  /** `uid[:gid]` or a name; 'root' when neither the run nor the image names one. */
  user: string;
  /** The image's own USER (seed-2021's default), not the platform's. */
  fromImage: boolean;
}

/** The final stage's base when it is a CUDA image (nvidia/cuda, a `-cuda` tag of a framework image); else undefined. */
export function cudaBaseOf(dockerfile: string | undefined): string | undefined {
  const froms = [...(dockerfile ?? '').matchAll(/^\s*FROM\s+(?:--\S+\s+)*(\S+)/gim)].map((m) => m[1]);
  const base = froms[froms.length - 1];
  return base && /cuda|^nvidia\//i.test(base) ? base : undefined;
}

/** "GPUs: all", or for a CUDA base run without one, the note that it runs on CPU here. */
export function gpuLine(gpus: string | undefined, cudaBase: string | undefined): Localized | undefined {
  if (gpus) return L(`GPUs: ${gpus}`, `使用的 GPU：${gpus}`);
  return cudaBase ? L(`no GPU: the image is built on ${cudaBase} and runs here on CPU (--gpus all to test it with one)`,
    `无 GPU：镜像基于 ${cudaBase}，此处在 CPU 上运行（用 --gpus all 可带 GPU 测试）`) : undefined;
}

export function runAsOf(ctx: RunContext): RunAs {
  if (ctx.deployment.user) return { user: ctx.deployment.user, fromImage: false };
  return { user: ctx.facts?.user || 'root', fromImage: true };
}

/** "1000:100 (ma-user, as ModelArts runs it)", "root (the image's USER)". */
export function describeRunAs(r: RunAs): Localized {
  if (r.fromImage) return L(`${r.user} (the image's USER)`, `${r.user}（镜像的 USER）`);
  return r.user === MA_USER ? L(`${r.user} (ma-user, as ModelArts runs it)`, `${r.user}（ma-user，与 ModelArts 运行时相同）`) : same(r.user);
}

const isRoot = (user: string): boolean => /^(root|0)(:.*)?$/.test(user.trim());

/** Python's PermissionError, a C library's EACCES, a shell's "Permission denied". */
const PERMISSION = /EACCES|Permission denied|PermissionError|permission denied/;

/** The likely cause of a failure whose log lines show a permission error while running as a non-root user. */
export function permissionCause(ctx: RunContext, lines: string[]): Localized | undefined {
  const r = runAsOf(ctx);
  if (isRoot(r.user) || !lines.some((l) => PERMISSION.test(l))) return undefined;
  return MA403.messages.permission(describeRunAs(r), r.user);
}
