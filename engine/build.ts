// docker build through the engine API: streamed context, streamed output, failed step mapped to its Dockerfile line,
// cancellable (aborting the request makes the daemon stop the build and remove its intermediate containers).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Engine } from './connect';
import { packContext, type ContextStats } from './context';
import { parseDockerfile } from '../core/parse/dockerfile';
import type { Range } from '../core/types';

interface BuildOptions {
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
  let text: string;
  try {
    text = fs.readFileSync(dockerfile, 'utf8');
  } catch {
    return [];
  }
  const doc = parseDockerfile(dockerfile, text);
  return doc.ast.getInstructions().map((i) => ({ keyword: i.getKeyword(), text: doc.doc.getText(i.getRange()), range: i.getRange() }));
}

/** What the daemon's JSON stream told so far: the step running, the error, the image id. */
interface BuildProgress { step: number; errorText?: string; imageId?: string }

type BuildMessage = { stream?: string; error?: string; errorDetail?: { message?: string }; aux?: { ID?: string }; status?: string };

function onMessage(msg: BuildMessage, p: BuildProgress, push: (line: string) => void): void {
  if (msg.stream) {
    for (const line of msg.stream.split('\n')) {
      if (!line.trim()) continue;
      const m = /^Step (\d+)\/(\d+) :/.exec(line);
      if (m) p.step = Number(m[1]);
      push(line);
    }
  }
  if (msg.status) push(msg.status);
  if (msg.aux?.ID) p.imageId = msg.aux.ID;
  if (msg.error) {
    p.errorText = msg.errorDetail?.message ?? msg.error;
    push(p.errorText);
  }
}

/** Reads the build's output stream (one JSON object a line) to its end; an abort destroys it and rejects. */
function readBuild(stream: NodeJS.ReadableStream, signal: AbortSignal | undefined, p: BuildProgress, push: (line: string) => void): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    let buf = '';
    const onAbort = () => {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      reject(new Error('cancelled'));
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      buf += chunk.toString('utf8');
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const raw = buf.slice(0, nl).trim();
        buf = buf.slice(nl + 1);
        if (!raw) continue;
        try {
          onMessage(JSON.parse(raw), p, push);
        } catch {
          push(raw);
        }
      }
    });
    stream.on('end', () => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    });
    stream.on('error', (e: Error) => {
      signal?.removeEventListener('abort', onAbort);
      reject(e);
    });
  });
}

/** The engine went away (stopped, crashed, connection cut) while the build streamed: what was running and what to do. */
function lostEngine(engine: Engine, o: BuildOptions, step: number, e: Error): string {
  const ins = step ? instructionsOf(o.dockerfile)[step - 1] : undefined;
  const during = ins ? `step ${step} (${ins.text.split('\n')[0].slice(0, 80)})` : 'the upload of the build context';
  return `the connection to the engine at ${engine.endpoint.url} was lost during ${during}: ${e.message}. `
    + 'Check that the engine is running (`docker info`), then run the test again.';
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
  const p: BuildProgress = { step: 0 };
  try {
    const build = engine.docker.buildImage.bind(engine.docker) as unknown as (f: unknown, o: unknown) => Promise<unknown>;
    const stream = (await build(tarStream as unknown as NodeJS.ReadableStream, {
      t: o.tag,
      dockerfile: rel,
      rm: true,
      forcerm: true,
      // Only when given: Podman's API reads an empty `buildargs=` as broken JSON and answers 400.
      ...(o.buildArgs && Object.keys(o.buildArgs).length ? { buildargs: o.buildArgs } : {}),
      abortSignal: o.signal,
    })) as NodeJS.ReadableStream;
    await readBuild(stream, o.signal, p, push);
  } catch (e) {
    const aborted = o.signal?.aborted || (e as Error).name === 'AbortError';
    tarStream.destroy();
    if (aborted) return result({ error: 'cancelled', uploadMs });
    return result({ error: lostEngine(engine, o, p.step, e as Error), uploadMs });
  }
  if (p.errorText) {
    const ins = instructionsOf(o.dockerfile)[p.step - 1];
    return result({ error: p.errorText, uploadMs, failedStep: ins ? { step: p.step, instruction: ins.text.split('\n')[0], range: ins.range } : undefined });
  }
  if (!p.imageId) {
    try {
      p.imageId = ((await engine.docker.getImage(o.tag).inspect()) as { Id: string }).Id;
    } catch (e) {
      return result({ error: `the build ended without an image: ${(e as Error).message}`, uploadMs });
    }
  }
  return result({ ok: true, imageId: p.imageId, uploadMs });
}
