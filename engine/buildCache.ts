// A repeat `test` of an unchanged folder reuses the image its last build made, instead of uploading the context and
// building again: the key is what the build would send — each file's path, size, mtime and mode (the ignore file
// honoured, as engine/context.ts packs it), the Dockerfile, the build args and the engine. Cheap to take (no file is
// read), and any edit, touch or mode change makes a new key. The image must still carry the tag with the same id.
// One small JSON file per tag under the user's cache dir ($XDG_CACHE_HOME or ~/.cache)/modelarts-image-kit/builds/.
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Engine } from './connect';
import { contextFiles } from './context';

interface BuildRecord { key: string; imageId: string }

const recordFile = (tag: string): string =>
  path.join(process.env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'modelarts-image-kit', 'builds',
    crypto.createHash('sha256').update(tag).digest('hex').slice(0, 32) + '.json');

/** The key of a build: the context as stat sees it, the Dockerfile, the build args, the engine. */
export function buildKey(engine: Engine, dir: string, dockerfile: string, buildArgs: Record<string, string> = {}): string {
  const h = crypto.createHash('sha256');
  h.update(`${engine.endpoint.url}\n${path.resolve(dockerfile)}\n${JSON.stringify(Object.entries(buildArgs).sort())}\n`);
  for (const rel of contextFiles(dir, dockerfile)) {
    const st = fs.lstatSync(path.join(dir, rel));
    h.update(`${rel}\0${st.size} ${st.mtimeMs} ${st.mode}\n`);
  }
  return h.digest('hex');
}

/** The image id to reuse for `tag`, when its last build had this key and the engine still has it under the tag. */
export async function reusableImage(engine: Engine, tag: string, key: string): Promise<string | undefined> {
  let rec: BuildRecord;
  try {
    rec = JSON.parse(fs.readFileSync(recordFile(tag), 'utf8')) as BuildRecord;
  } catch {
    return undefined;
  }
  if (rec.key !== key) return undefined;
  const id = await engine.docker.getImage(tag).inspect().then((i) => (i as { Id: string }).Id, () => undefined);
  return id === rec.imageId ? id : undefined;
}

/** Remembers a successful build; a cache that cannot be written only means the next run builds again. */
export function rememberBuild(tag: string, key: string, imageId: string): void {
  try {
    const file = recordFile(tag);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file + '.tmp', JSON.stringify({ key, imageId } satisfies BuildRecord));
    fs.renameSync(file + '.tmp', file);
  } catch {
    // best effort
  }
}
