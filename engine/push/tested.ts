// The record of a folder's last conformance run, so a push can tell that the image it sends is the one that passed
// `test` and was built from the folder's current content. Written by the runner at the end of each completed run
// (engine/conformance.ts); one small JSON file per folder under the user's cache dir
// ($XDG_CACHE_HOME or ~/.cache)/modelarts-image-kit/tested/.
//
// The folder's digest covers what the build sends (the ignore file honoured, as engine/context.ts packs it): each
// file's path, executable bit and content — not mtimes, so a checkout that rewrites files unchanged still matches.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { contextFiles } from '../context';
import type { Profile } from '../../core/types';

export interface TestedRecord {
  folder: string;
  dockerfile: string;
  /** The digest of the build context when the run started. */
  contextDigest: string;
  passed: boolean;
  /** The image the run tested (its id), when the build succeeded. */
  imageId?: string;
  tag: string;
  profile: Profile;
  engine?: string;
  /** ISO time of the end of the run. */
  at: string;
}

const cacheDir = (env: NodeJS.ProcessEnv = process.env): string =>
  path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'modelarts-image-kit', 'tested');

const recordFile = (folder: string): string =>
  path.join(cacheDir(), crypto.createHash('sha256').update(path.resolve(folder)).digest('hex').slice(0, 32) + '.json');

async function fileHash(file: string): Promise<string> {
  const h = crypto.createHash('sha256');
  for await (const chunk of fs.createReadStream(file, { highWaterMark: 1024 * 1024 })) h.update(chunk as Buffer);
  return h.digest('hex');
}

/** sha256 over the build context's paths, modes and contents. */
export async function contextDigest(dir: string, dockerfile: string): Promise<string> {
  const h = crypto.createHash('sha256');
  h.update(`dockerfile ${path.relative(dir, dockerfile)}\n`);
  for (const rel of contextFiles(dir, dockerfile)) {
    const abs = path.join(dir, rel);
    const st = fs.lstatSync(abs);
    const what = st.isSymbolicLink() ? 'link ' + fs.readlinkSync(abs) : `${st.mode & 0o111 ? 'x' : '-'} ${await fileHash(abs)}`;
    h.update(`${rel}\0${what}\n`);
  }
  return 'sha256:' + h.digest('hex');
}

export function readTestedRecord(folder: string): TestedRecord | undefined {
  try {
    return JSON.parse(fs.readFileSync(recordFile(folder), 'utf8')) as TestedRecord;
  } catch {
    return undefined;
  }
}

/** Writes the record; a cache that cannot be written never fails the run (the push preflight then says "never tested"). */
function writeTestedRecord(r: TestedRecord): void {
  try {
    const file = recordFile(r.folder);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file + '.tmp', JSON.stringify(r, null, 2) + '\n');
    fs.renameSync(file + '.tmp', file);
  } catch {
    // best effort
  }
}

/** What the runner knows at the end of a run (a RunContext's fields). */
interface RunEnd {
  tag: string;
  profile: Profile;
  facts?: { id: string };
  report: { passed: boolean; engine?: string };
}

/**
 * Called as a run starts: the folder's digest is taken then (an edit during the build makes the record stale, as it
 * should); `finish` writes the record once the run has its verdict.
 */
export function trackTestedRun(dir: string, dockerfile: string): { finish: (end: RunEnd) => Promise<void> } {
  const digest = contextDigest(dir, dockerfile).catch(() => undefined);
  return {
    finish: async (end) => {
      const d = await digest;
      if (!d) return;
      writeTestedRecord({
        folder: path.resolve(dir), dockerfile, contextDigest: d, passed: end.report.passed, imageId: end.facts?.id, tag: end.tag,
        profile: end.profile, engine: end.report.engine, at: new Date().toISOString(),
      });
    },
  };
}
