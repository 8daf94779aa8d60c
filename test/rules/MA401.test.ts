// MA401: The image is larger than the limit — on the real engine.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { runConformance } from '../../engine/conformance';
import { engineOrSkip, FIXTURES, FAST } from '../engine/engine-helpers';
import { docExamples, fixtureCases, noContainersAfter } from '../helpers/imageRule';

fixtureCases('MA401', [{ dir: 'ma401-oversized', opts: { sizeLimitBytes: 100 * 1024 * 1024 }, check: 'size' }]);

test('MA401 names the biggest layer of the Dockerfile with its line', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const r = await runConformance(path.join(FIXTURES, 'ma401-oversized'), { ...FAST, engine, sizeLimitBytes: 100 * 1024 * 1024 });
  const size = r.checks.find((c) => c.id === 'size')!;
  assert.ok(size.details?.some((d) => /line 3: RUN head -c 5000000/.test(d.en)), size.details?.join('\n'));
  // The finding sits on that RUN line.
  const f = r.findings.find((x) => x.code === 'MA401')!;
  assert.equal(f.range.start.line, 2);
});

test('the size check says which limit applies and why: profile, cloud, or --size-limit', async (t) => {
  const engine = await engineOrSkip();
  if (!engine) return t.skip('no engine');
  const dir = path.join(FIXTURES, 'good');
  const size = async (o: Parameters<typeof runConformance>[1]) =>
    (await runConformance(dir, { ...FAST, keepAliveIdleMs: 100, ...o, engine })).checks.find((c) => c.id === 'size')!;
  assert.match((await size({})).message.en, /^\d+\.\d MB \(limit 10 GB: ModelArts \(seed-2021\)\)$/);
  assert.match((await size({ profile: 'current' })).message.en, /^\d+\.\d MB \(limit 50 GB: ModelArts \(current\)\)$/);
  assert.match((await size({ profile: 'current', deployment: { cloud: 'otc' } })).message.en, /^\d+\.\d MB \(limit 30 GB: Open Telekom Cloud\)$/);
  // A small override stands in for a real 30 GB image: over it, MA401 names the same reason.
  const over = await size({ profile: 'current', sizeLimitBytes: 50 * 1024 ** 2 });
  assert.equal(over.code, 'MA401');
  assert.match(over.message.en, /^\d+\.\d MB > limit 50\.0 MB: set with --size-limit$/);
});

docExamples('MA401');

noContainersAfter();
