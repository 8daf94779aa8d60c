// The build context as a tar stream, read from disk as the daemon consumes it: model folders are gigabytes,
// so nothing is held in memory. The ignore file is read where the static rules read it (core/analysis/context.ts:
// `<Dockerfile>.dockerignore`, else `.dockerignore`, with @balena/dockerignore, the Docker CLI's rules).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import * as tar from 'tar-fs';
import { dockerignore } from '../core/analysis/context';
import { diskFiles } from '../core/files';

export interface ContextStats {
  files: number;
  bytes: number;
}

/**
 * Whether the build sends `rel` (relative, with `/`): the Dockerfile and .dockerignore always; otherwise what the
 * ignore file keeps. An excluded directory is still walked when a `!` rule might bring something below it back.
 * One decision for the upload and for the files that key a reusable build (buildCache.ts) or a tested one (push/).
 */
function contextFilter(dir: string, dockerfileRel: string): (rel: string, isDir: () => boolean) => boolean {
  const rules = dockerignore(dir, diskFiles, path.join(dir, dockerfileRel));
  const hasExceptions = rules.negations.length > 0;
  const keep = new Set([dockerfileRel.split(path.sep).join('/'), '.dockerignore']);
  return (rel, isDir) => !rel || keep.has(rel) || !rules.ignores(rel) || (hasExceptions && isDir());
}

/** The files the build sends, relative with `/`, sorted. */
export function contextFiles(dir: string, dockerfile: string): string[] {
  const sends = contextFilter(dir, path.relative(dir, dockerfile));
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (!sends(r, () => e.isDirectory())) continue;
      if (e.isDirectory()) walk(r);
      else out.push(r);
    }
  };
  walk('');
  return out.sort();
}

/**
 * Packs `dir` as a tar stream. The Dockerfile and .dockerignore are always sent (the daemon needs them,
 * the docker CLI does the same). `stats` is filled as the stream is read.
 */
export function packContext(dir: string, dockerfileRel: string, stats: ContextStats = { files: 0, bytes: 0 }): Readable {
  const sends = contextFilter(dir, dockerfileRel);
  // 512 KB reads instead of 64 KB: fewer round trips through the tar and HTTP streams for big model files, as fast
  // as 1 MB reads with a smaller peak of buffers in flight (bench, 2 GB upload: RSS growth 53 -> 39 MB).
  const bigReads = { ...fs, createReadStream: (p: fs.PathLike, o?: object) => fs.createReadStream(p, { ...o, highWaterMark: 512 * 1024 }) };
  const options: tar.PackOptions & { fs?: unknown } = {
    fs: bigReads,
    // tar-fs passes absolute paths; a pruned directory is not walked.
    ignore: (abs: string) => !sends(path.relative(dir, abs).split(path.sep).join('/'), () => {
      try {
        return fs.statSync(abs).isDirectory();
      } catch {
        return false;
      }
    }),
    map: (header) => {
      // Reproducible and owner-neutral, like the docker CLI's context.
      if (header.type === 'file') {
        stats.files++;
        stats.bytes += header.size ?? 0;
      }
      header.uid = 0;
      header.gid = 0;
      return header;
    },
  };
  const pack = tar.pack(dir, options);
  return pack as unknown as Readable;
}
