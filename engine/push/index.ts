// A push of a model folder's tested image to SWR (or any registry): preflight, the push through the engine with the
// credential in X-Registry-Auth (dockerode sends it as that header, never on a command line), progress per layer,
// cancellation, and the manifest read back from the registry. Shared by the CLI (`modelarts-image push`) and the
// editor's Push Image command.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pick } from '../../core/i18n';
import { findModelFolders } from '../../core/folders';
import { diskFiles } from '../../core/files';
import { parseConfig } from '../../core/parse/config';
import { folderDeployment } from '../deployFile';
import { formatBytes, formatSeconds } from '../../core/units';
import { defaultOptions, type Lang, type Localized, type Profile } from '../../core/types';
import { connectEngine, type Engine } from '../connect';
import { isLoopback } from '../../core/analysis/servers';
import { CancelledError, type ShownCheck as Check } from '../report';
import { authConfigOf, type RegistryAuth } from './credentials';
import { pushErrors, titles, texts, type PushErrorKind } from './messages';
import { preflight } from './preflight';
import { classifyPushError, PushProgress, type LayerProgress, type PushMessage } from './progress';
import { MEDIA, readManifest, registryListens } from './registry';
import { parseTarget, type Target } from './target';

export { findCredentials, type RegistryAuth } from './credentials';
export { parseTarget, type Target } from './target';

export interface PushOptions {
  profile?: Profile;
  lang?: Lang;
  /** The pool's platform: linux/amd64 (default), linux/arm64 for Ascend. */
  platform?: string;
  sizeLimitBytes?: number;
  host?: string;
  engine?: Engine;
  /** The credential; undefined: push without one (the registry may answer 401). */
  auth?: RegistryAuth;
  /** The folder as the user wrote it, for hints (default: the absolute path). */
  shownFolder?: string;
}

export interface PushCallbacks {
  onCheck?: (c: Check) => void;
  onLayer?: (layer: LayerProgress, all: PushProgress) => void;
  signal?: AbortSignal;
}

export interface PushReport {
  /** Pushed and read back as one Docker v2 schema 2 manifest of the tested image. */
  passed: boolean;
  folder: string;
  target: string;
  imageId?: string;
  checks: Check[];
  digest?: string;
  mediaType?: string;
  /** Why the push itself failed (exit codes: unreachable/registry/full 4, unauthorized/denied 5). */
  error?: { kind: PushErrorKind; message: string };
  timings: Record<string, number>;
}

interface Folder { dir: string; dockerfilePath?: string; configPath?: string }

/** The model folder as the conformance run finds it (so both key the tested record alike). */
export function modelFolderOf(arg: string, profile: Profile = 'seed-2021'): Folder {
  const abs = path.resolve(arg);
  return findModelFolders([abs], diskFiles, { ...defaultOptions(), profile }).find((f) => f.dockerfilePath) ?? {
    dir: abs,
    dockerfilePath: fs.existsSync(path.join(abs, 'Dockerfile')) ? path.join(abs, 'Dockerfile') : undefined,
    configPath: fs.existsSync(path.join(abs, 'config.json')) ? path.join(abs, 'config.json') : undefined,
  };
}

const configOf = (f: Folder): unknown => {
  const text = f.configPath ? diskFiles.readText(f.configPath) : undefined;
  return text === undefined ? undefined : parseConfig(f.configPath!, text).value;
};

/** `--to`, else config.json `swr_location`; `none` when neither is given. */
export function targetOf(f: Folder, to: string | undefined): { target: Target } | { problem: Localized } | { none: true } {
  if (to !== undefined) return parseTarget(to, '--to');
  const c = configOf(f) as { swr_location?: unknown } | undefined;
  if (typeof c?.swr_location === 'string') return parseTarget(c.swr_location, 'swr_location');
  return { none: true };
}

const sizeLimitFor = (f: Folder, profile: Profile): number => folderDeployment(f, configOf(f), profile).sizeLimitBytes;

/** Reads the push stream to its end; an abort rejects with CancelledError. */
function follow(stream: NodeJS.ReadableStream, p: PushProgress, cb: PushCallbacks): Promise<void> {
  return new Promise((resolve, reject) => {
    let rest = '';
    const onAbort = () => {
      (stream as unknown as { destroy?: () => void }).destroy?.();
      reject(new CancelledError());
    };
    if (cb.signal?.aborted) return onAbort();
    cb.signal?.addEventListener('abort', onAbort, { once: true });
    stream.on('data', (chunk: Buffer) => {
      const lines = (rest + chunk.toString('utf8')).split('\n');
      rest = lines.pop() ?? '';
      for (const line of lines) {
        if (!line.trim()) continue;
        let m: PushMessage;
        try {
          m = JSON.parse(line) as PushMessage;
        } catch {
          continue;
        }
        const layer = p.take(m);
        if (layer) cb.onLayer?.(layer, p);
      }
    });
    const done = (e?: Error) => {
      cb.signal?.removeEventListener('abort', onAbort);
      if (cb.signal?.aborted) return reject(new CancelledError());
      return e ? reject(e) : resolve();
    };
    stream.on('end', () => done());
    stream.on('error', (e: Error) => done(e));
  });
}

/** An engine on this machine dials the registry from here too, so what this machine sees of the registry it sees. */
function sharesNetwork(engine: Engine): boolean {
  const host = engine.endpoint.options.host;
  return !engine.endpoint.ssh && (typeof host !== 'string' || isLoopback(host));
}

/**
 * The engine retries a failed layer upload five times over about 50 s. At its first retry, a registry that no longer
 * accepts connections is dead: end the push then (`stop`), instead of waiting out every retry.
 */
function retryWatch(engine: Engine, registry: string, stop: (why: string) => void): (layer: LayerProgress) => void {
  if (!sharesNetwork(engine)) return () => undefined;
  let dialing = false;
  return (layer) => {
    if (dialing || !/^Retrying in/i.test(layer.status)) return;
    dialing = true;
    void registryListens(registry).then((why) => (why ? stop(why) : (dialing = false)));
  };
}

/** Tags the tested image as the target and pushes it; the registry writes the tag only with the manifest, at the end. */
type Pushed = { check: Check; p: PushProgress; error?: PushReport['error'] };
async function pushCheck(engine: Engine, imageId: string, t: Target, o: PushOptions, cb: PushCallbacks): Promise<Pushed> {
  const lang = o.lang ?? 'en';
  const t0 = Date.now();
  const repo = `${t.registry}/${t.repository}`;
  await engine.docker.getImage(imageId).tag({ repo, tag: t.tag });
  const p = new PushProgress();
  let failure: string | undefined;
  const dead = new AbortController();
  let deadWhy: string | undefined;
  const watch = retryWatch(engine, t.registry, (why) => ((deadWhy = why), dead.abort()));
  const signal = cb.signal ? AbortSignal.any([cb.signal, dead.signal]) : dead.signal;
  try {
    const stream = (await engine.docker.getImage(repo).push({ tag: t.tag, authconfig: authConfigOf(o.auth), abortSignal: signal })) as NodeJS.ReadableStream;
    await follow(stream, p, { ...cb, signal, onLayer: (l, all) => (watch(l), cb.onLayer?.(l, all)) });
    failure = p.error ?? (p.digest ? undefined : 'the engine reported no digest');
  } catch (e) {
    if (cb.signal?.aborted || (e instanceof CancelledError && deadWhy === undefined)) throw new CancelledError();
    failure = (e as Error).message;
  }
  const base = { id: 'push', title: pick(titles.push, lang), durationMs: Date.now() - t0 };
  if (deadWhy !== undefined) {
    const message = pick(pushErrors.stoppedMidPush(t.registry, deadWhy), lang);
    return { check: { ...base, status: 'fail', message }, p, error: { kind: 'unreachable', message } };
  }
  if (failure !== undefined) {
    const c = classifyPushError(failure, t.registry, o.auth?.source);
    const message = pick(c.message, lang);
    return { check: { ...base, status: 'fail', message }, p, error: { kind: c.kind, message } };
  }
  const message = pick(texts.pushed(p.digest!, formatBytes(p.sentBytes, 'MB'), formatSeconds(base.durationMs)), lang);
  return { check: { ...base, status: 'pass', message }, p };
}

/**
 * Reads the tag's manifest back (Docker v2 and OCI types accepted) and checks it is one Docker v2 schema 2 manifest,
 * with the digest the push reported and the tested image as its config. An OCI index or an attestation list fails
 * with how to build without attestations.
 */
export async function verifyManifest(
  t: Target, auth: RegistryAuth | undefined, expect: { digest?: string; imageId?: string }, lang: Lang = 'en',
): Promise<Check & { mediaType?: string }> {
  const t0 = Date.now();
  const out = (status: Check['status'], message: Localized, mediaType?: string) =>
    ({ id: 'readBack', title: pick(titles.readBack, lang), status, message: pick(message, lang), durationMs: Date.now() - t0, mediaType });
  let m;
  try {
    m = await readManifest(t, auth);
  } catch (e) {
    return out('fail', texts.readBackFailed((e as Error).message));
  }
  const fix = pick(texts.noAttestations, lang);
  const withFix = (l: Localized): Localized => ({ en: l.en + texts.noAttestations.en, zh: l.zh + texts.noAttestations.zh });
  const isIndex = m.mediaType === MEDIA.ociIndex || m.mediaType === MEDIA.dockerList || !!m.json.manifests;
  if (isIndex) return out('fail', withFix(texts.isIndex(m.mediaType)), m.mediaType);
  if (m.mediaType === MEDIA.ociManifest) return out('fail', withFix(texts.isOci), m.mediaType);
  if (m.mediaType !== MEDIA.dockerManifest) return { ...out('fail', texts.otherMedia(m.mediaType), m.mediaType), details: [fix] };
  if (expect.digest && m.digest !== expect.digest) return out('fail', texts.digestDiffers(m.digest, expect.digest), m.mediaType);
  const config = m.json.config?.digest;
  if (expect.imageId && config !== expect.imageId) return out('fail', texts.configDiffers(String(config), expect.imageId), m.mediaType);
  return out('pass', texts.readBackOk(m.mediaType), m.mediaType);
}

/** Preflight, push, read-back. Throws CancelledError when `signal` aborts (no tag is written then). */
export async function pushFolder(folderArg: string, target: Target, options: PushOptions = {}, cb: PushCallbacks = {}): Promise<PushReport> {
  const t0 = Date.now();
  const lang = options.lang ?? 'en';
  const profile = options.profile ?? 'seed-2021';
  const folder = modelFolderOf(folderArg, profile);
  const report: PushReport = { passed: false, folder: folder.dir, target: target.ref, checks: [], timings: {} };
  const add = (c: Check) => {
    report.checks.push(c);
    cb.onCheck?.(c);
  };
  if (!folder.dockerfilePath) throw new Error(`no Dockerfile in ${folder.dir}`);
  const engine = options.engine ?? (await connectEngine({ host: options.host }));
  const pre = await preflight(engine, {
    folder: { dir: folder.dir, dockerfilePath: folder.dockerfilePath }, shownFolder: options.shownFolder ?? folder.dir,
    platform: options.platform ?? 'linux/amd64', sizeLimitBytes: options.sizeLimitBytes ?? sizeLimitFor(folder, profile), lang,
  });
  pre.checks.forEach(add);
  report.timings.preflight = Date.now() - t0;
  if (cb.signal?.aborted) throw new CancelledError();
  if (!pre.image) return finish(report, t0);
  report.imageId = pre.image.Id;
  const pushed = await pushCheck(engine, pre.image.Id, target, options, cb);
  add(pushed.check);
  report.timings.push = pushed.check.durationMs;
  if (pushed.error) return finish({ ...report, error: pushed.error }, t0);
  report.digest = pushed.p.digest;
  const back = await verifyManifest(target, options.auth, { digest: pushed.p.digest, imageId: pre.image.Id }, lang);
  report.mediaType = back.mediaType;
  const { mediaType: _m, ...readBack } = back;
  add(readBack);
  return finish(report, t0);
}

function finish(r: PushReport, t0: number): PushReport {
  r.timings.total = Date.now() - t0;
  r.passed = !r.error && r.checks.length > 0 && r.checks.every((c) => c.status !== 'fail') && r.checks.some((c) => c.id === 'readBack');
  return r;
}

/** The cancelled push's message (no tag written). */
export const cancelledText = (lang: Lang): string => pick(pushErrors.cancelled, lang);
