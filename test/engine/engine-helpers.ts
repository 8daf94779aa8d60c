// Shared by the engine tests: a real engine or, under CI, a failure (never a silent skip).
import * as path from 'node:path';
import { connectEngine, type Engine } from '../../engine/connect';
import { labelledContainers } from '../../engine/container';
import type { Report } from '../../engine/report';

export const FIXTURES = path.resolve(__dirname, '../fixtures/images');
export const EXAMPLES = path.resolve(__dirname, '../../examples');

let cached: Promise<Engine | undefined> | undefined;

/** The engine, or undefined outside CI when none answers (the test then skips with the reason). With CI set: throws. */
export function engineOrSkip(): Promise<Engine | undefined> {
  cached ??= connectEngine().catch((e) => {
    if (process.env.CI) throw e;
    process.stderr.write(`engine tests skipped: ${(e as Error).message.split('\n')[0]} (run npm run engine:up)\n`);
    return undefined;
  });
  return cached;
}

/** The MA4xx codes a report found, sorted. */
export const codesOf = (r: Report): string[] => [...new Set(r.findings.map((f) => f.code))].sort();

export async function assertNoLabelled(engine: Engine): Promise<string[]> {
  return labelledContainers(engine);
}

/** Options that keep the fixture suite quick: limits lowered where a fixture waits on purpose. */
export const FAST = { stopTimeoutS: 5, startTimeoutMs: 8000, requestTimeoutMs: 10_000, removeImage: false } as const;

/**
 * A base image labelled linux/arm64 (the binaries stay amd64, so it still runs here): `docker save`, rewrite
 * the config's architecture, `docker load`. Images built FROM it inherit the label — the MA402 fixture (busybox)
 * and the MA402 page's example as an arm64 machine builds it (python:3.11-slim).
 */
export async function ensureArm64Base(engine: Engine, source = 'busybox:latest', tag = 'modelarts-kit-test/busybox-arm64:latest'): Promise<string> {
  if (await engine.docker.getImage(tag).inspect().then(() => true, () => false)) return tag;
  const fs = await import('node:fs');
  const os = await import('node:os');
  const crypto = await import('node:crypto');
  const tar = await import('tar-fs');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mik-arm64-'));
  const saved = (await engine.docker.getImage(source).get()) as NodeJS.ReadableStream;
  await new Promise<void>((res, rej) => saved.pipe(tar.extract(dir)).on('finish', res).on('error', rej));
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const config = JSON.parse(fs.readFileSync(path.join(dir, manifest[0].Config), 'utf8'));
  config.architecture = 'arm64';
  const text = JSON.stringify(config);
  const name = crypto.createHash('sha256').update(text).digest('hex') + '.json';
  fs.rmSync(path.join(dir, manifest[0].Config));
  fs.writeFileSync(path.join(dir, name), text);
  manifest[0].Config = name;
  manifest[0].RepoTags = [tag];
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest));
  fs.rmSync(path.join(dir, 'repositories'), { force: true });
  const loaded = (await engine.docker.loadImage(tar.pack(dir) as unknown as NodeJS.ReadableStream)) as NodeJS.ReadableStream;
  await new Promise<void>((res, rej) => loaded.on('end', res).on('error', rej).resume());
  fs.rmSync(dir, { recursive: true, force: true });
  return tag;
}
