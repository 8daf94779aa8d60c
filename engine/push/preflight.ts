// The checks before a push, in the report format of `test` (engine/report.ts Check): the image is the one that passed
// `test` and the folder is unchanged since, its platform, its size against the profile's limit, and that the engine
// will push one Docker image manifest v2 schema 2. All run (every problem is told at once); nothing is pushed when
// one fails.
import { pick } from '../../core/i18n';
import { formatBytes } from '../../core/units';
import type { Lang, Localized } from '../../core/types';
import type { Engine } from '../connect';
import type { ShownCheck as Check } from '../report';
import { titles, texts } from './messages';
import { contextDigest, readTestedRecord, type TestedRecord } from './tested';

export interface PreflightInput {
  folder: { dir: string; dockerfilePath: string };
  /** The folder as the user named it, for the "run test" hint. */
  shownFolder: string;
  /** linux/amd64, or linux/arm64 for an Ascend pool. */
  platform: string;
  sizeLimitBytes: number;
  lang: Lang;
}

interface ImageInfo { Id: string; Size: number; Os: string; Architecture: string; Variant?: string }

const check = (id: keyof typeof titles, lang: Lang, status: Check['status'], message: Localized | string, t0: number, details?: string[]): Check => ({
  id, title: pick(titles[id], lang), status, message: typeof message === 'string' ? message : pick(message, lang), durationMs: Date.now() - t0,
  ...(details ? { details } : {}),
});

const when = (r: TestedRecord) => r.at.replace('T', ' ').replace(/\.\d+Z$/, ' UTC');

/** The recorded run, the image it tested (when still on the engine) and the check. */
async function testedCheck(engine: Engine, inp: PreflightInput): Promise<{ check: Check; image?: ImageInfo }> {
  const t0 = Date.now();
  const { lang } = inp;
  const record = readTestedRecord(inp.folder.dir);
  const image = record?.imageId
    ? ((await engine.docker.getImage(record.imageId).inspect().catch(() => undefined)) as ImageInfo | undefined)
    : undefined;
  const fail = (why: Localized) => ({ check: check('tested', lang, 'fail', `${pick(why, lang)} ${pick(texts.runTest(inp.shownFolder), lang)}`, t0), image });
  if (!record) return fail(texts.neverTested);
  if (record.imageId && !image) return fail(texts.imageGone(record.imageId.slice(0, 19)));
  if (!record.passed || !record.imageId) return fail(texts.lastFailed(when(record)));
  const now = await contextDigest(inp.folder.dir, inp.folder.dockerfilePath);
  if (now !== record.contextDigest) return fail(texts.changed(when(record)));
  return { check: check('tested', lang, 'pass', texts.testedOk(record.imageId.slice(0, 19), when(record)), t0), image };
}

function platformCheck(image: ImageInfo | undefined, inp: PreflightInput): Check {
  const t0 = Date.now();
  if (!image) return check('platform', inp.lang, 'skip', texts.notChecked, t0);
  const p = `${image.Os}/${image.Architecture}${image.Variant ? '/' + image.Variant : ''}`;
  const ok = p === inp.platform || `${image.Os}/${image.Architecture}` === inp.platform;
  return check('platform', inp.lang, ok ? 'pass' : 'fail', ok ? texts.platformOk(p) : texts.platformWrong(p, inp.platform), t0);
}

function sizeCheck(image: ImageInfo | undefined, inp: PreflightInput): Check {
  const t0 = Date.now();
  if (!image) return check('size', inp.lang, 'skip', texts.notChecked, t0);
  const size = formatBytes(image.Size);
  const limit = formatBytes(inp.sizeLimitBytes);
  const ok = image.Size <= inp.sizeLimitBytes;
  return check('size', inp.lang, ok ? 'pass' : 'fail', ok ? texts.sizeOk(size, limit) : texts.sizeOver(size, limit), t0);
}

/**
 * The classic image store (overlay2 and the other graph drivers; Docker 20.10 here) pushes the image's one Docker v2
 * schema 2 manifest. The containerd store (Docker ≥ 24 with the snapshotter, the default of Docker 29) pushes what
 * BuildKit made, often an OCI index with attestations: a warning with the fix, and the read-back decides.
 */
async function manifestCheck(engine: Engine, lang: Lang): Promise<Check> {
  const t0 = Date.now();
  const info = (await engine.docker.info()) as { Driver?: string; DriverStatus?: [string, string][] };
  const containerd = (info.DriverStatus ?? []).some(([k, v]) => k === 'driver-type' && /containerd/.test(v));
  if (containerd) return check('manifest', lang, 'warn', `${pick(texts.containerdStore, lang)}${pick(texts.noAttestations, lang)}`, t0);
  return check('manifest', lang, 'pass', texts.classicStore(info.Driver ?? 'classic'), t0);
}

/** The preflight's checks and the image to push (the tested one), when every check passed. */
export async function preflight(engine: Engine, inp: PreflightInput): Promise<{ checks: Check[]; image?: ImageInfo }> {
  const tested = await testedCheck(engine, inp);
  const checks = [tested.check, platformCheck(tested.image, inp), sizeCheck(tested.image, inp), await manifestCheck(engine, inp.lang)];
  return { checks, image: checks.every((c) => c.status !== 'fail') ? tested.image : undefined };
}
