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
  assert.ok(size.details?.some((d) => /line 3: RUN head -c 5000000/.test(d)), size.details?.join('\n'));
  // The finding sits on that RUN line.
  const f = r.findings.find((x) => x.code === 'MA401')!;
  assert.equal(f.range.start.line, 2);
});

docExamples('MA401');

noContainersAfter();
