// docker build through the engine API: streamed context, streamed output, failed step mapped to its Dockerfile line,
// cancellable (aborting the request makes the daemon stop the build and remove its intermediate containers).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from './connect';
import { packContext, type ContextStats } from './context';
import { parseDockerfile } from '../core/parse/dockerfile';
import type { Range } from '../core/types';

export interface BuildOptions {
  /** Build context directory. */
  dir: string;
  /** Absolute path of the Dockerfile (inside dir). */
  dockerfile: string;
  tag: string;
  signal?: AbortSignal;
  /** Each line of build output as it arrives. */
  onOutput?: (line: string) => void;
  /** Build args, e.g. proxy settings. */
  buildArgs?: Record<string, string>;
}

export interface BuildResult {
  ok: boolean;
  tag: string;
  imageId?: string;
  error?: string;
  /** The Dockerfile instruction of the step that failed. */
  failedStep?: { step: number; instruction: string; range: Range };
  /** The last lines of output (for the report). */
  tail: string[];
  durationMs: number;
  /** Time until the daemon had read the whole context. */
  uploadMs?: number;
  context: ContextStats;
}

/** `<folder>:modelarts-dev`, the folder name made a valid image repository name. */
export function defaultTag(dir: string): string {
  const name = path.basename(path.resolve(dir)).toLowerCase().replace(/[^a-z0-9._-]+/g, '-').replace(/^[^a-z0-9]+|[^a-z0-9]+$/g, '').replace(/[._-]{2,}/g, '-');
  return `${name || 'model'}:modelarts-dev`;
}

/** Instruction ranges in classic-builder step order (Step N = the Nth instruction). */
function instructionsOf(dockerfile: string): { keyword: string; text: string; range: Range }[] {
  let text = '';
  try {
    text = fs.readFileSync(dockerfile, 'utf8');
  } catch {
    return [];
  }
  const doc = parseDockerfile(dockerfile, text);
  return doc.ast.getInstructions().map((i) => ({ keyword: i.getKeyword(), text: doc.doc.getText(i.getRange()), range: i.getRange() }));
}

export async function buildImage(engine: Engine, o: BuildOptions): Promise<BuildResult> {
  const t0 = Date.now();
  const context: ContextStats = { files: 0, bytes: 0 };
  const tail: string[] = [];
  const push = (line: string) => {
    tail.push(line);
    if (tail.length > 40) tail.shift();
    o.onOutput?.(line);
  };
  const result = (extra: Partial<BuildResult>): BuildResult => ({ ok: false, tag: o.tag, tail, durationMs: Date.now() - t0, context, ...extra });
  if (o.signal?.aborted) return result({ error: 'cancelled' });
  const rel = path.relative(o.dir, o.dockerfile).split(path.sep).join('/');
  const tarStream = packContext(o.dir, rel, context);
  let uploadMs: number | undefined;
  tarStream.on('end', () => (uploadMs = Date.now() - t0));
  let step = 0;
  let errorText: string | undefined;
  let imageId: string | undefined;
  try {
    const build = engine.docker.buildImage.bind(engine.docker) as unknown as (f: unknown, o: unknown) => Promise<unknown>;
    const stream = (await build(tarStream as unknown as NodeJS.ReadableStream, {
      t: o.tag,
      dockerfile: rel,
      rm: true,
      forcerm: true,
      buildargs: o.buildArgs,
      abortSignal: o.signal,
    })) as NodeJS.ReadableStream;
    await new Promise<void>((resolve, reject) => {
      let buf = '';
      const onAbort = () => {
        (stream as unknown as { destroy?: () => void }).destroy?.();
        reject(new Error('cancelled'));
      };
      o.signal?.addEventListener('abort', onAbort, { once: true });
      const handle = (msg: { stream?: string; error?: string; errorDetail?: { message?: string }; aux?: { ID?: string }; status?: string }) => {
        if (msg.stream) {
          for (const line of msg.stream.split('\n')) {
            if (!line.trim()) continue;
            const m = /^Step (\d+)\/(\d+) :/.exec(line);
            if (m) step = Number(m[1]);
            push(line);
          }
        }
        if (msg.status) push(msg.status);
        if (msg.aux?.ID) imageId = msg.aux.ID;
        if (msg.error) {
          errorText = msg.errorDetail?.message ?? msg.error;
          push(errorText);
        }
      };
      stream.on('data', (chunk: Buffer) => {
        buf += chunk.toString('utf8');
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const raw = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (!raw) continue;
          try {
            handle(JSON.parse(raw));
          } catch {
            push(raw);
          }
        }
      });
      stream.on('end', () => {
        o.signal?.removeEventListener('abort', onAbort);
        resolve();
      });
      stream.on('error', (e: Error) => {
        o.signal?.removeEventListener('abort', onAbort);
        reject(e);
      });
    });
  } catch (e) {
    const aborted = o.signal?.aborted || (e as Error).name === 'AbortError';
    tarStream.destroy();
    if (aborted) return result({ error: 'cancelled', uploadMs });
    // The engine went away (stopped, crashed, connection cut) while the build streamed: say what was running and what to do.
    const ins = step ? instructionsOf(o.dockerfile)[step - 1] : undefined;
    const during = ins ? `step ${step} (${ins.text.split('\n')[0].slice(0, 80)})` : 'the upload of the build context';
    return result({ error: `the connection to the engine at ${engine.endpoint.url} was lost during ${during}: ${(e as Error).message}. Check that the engine is running (\`docker info\`), then run the test again.`, uploadMs });
  }
  if (errorText) {
    const ins = instructionsOf(o.dockerfile)[step - 1];
    return result({ error: errorText, uploadMs, failedStep: ins ? { step, instruction: ins.text.split('\n')[0], range: ins.range } : undefined });
  }
  if (!imageId) {
    try {
      imageId = ((await engine.docker.getImage(o.tag).inspect()) as { Id: string }).Id;
    } catch (e) {
      return result({ error: `the build ended without an image: ${(e as Error).message}`, uploadMs });
    }
  }
  return result({ ok: true, imageId, uploadMs });
}
