// schemas/deploy.schema.json: valid draft-07, every key described in English and Chinese, its snippets clean
// deployment files, and its shape the one core/deployment.ts reads.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import schema from '../../schemas/deploy.schema.json';
import { localizedDeploySchema, validateDeploy } from '../../core/schema/deploySchema';
import { deploymentOf } from '../../core/deployment';
import { check } from '../fixtures/dockerfile/harness';
import { deployCodes } from '../helpers/ruleTester';
import { GOOD, SERVER } from '../helpers/folders';

type S = Record<string, unknown>;

test('the schema is valid draft-07 and says its conventions', () => {
  const ajv = new Ajv({ strict: false });
  assert.equal(ajv.validateSchema(schema), true, JSON.stringify(ajv.errors));
  assert.match(String(schema.$comment), /x-description-zh.*MA121.*MA122.*MA120/s);
});

test('every property has description and x-description-zh (its own or its $ref\'s); enumDescriptions match enums', () => {
  const defs = schema.definitions as unknown as Record<string, S>;
  const missing: string[] = [];
  const walk = (o: S, where: string): void => {
    for (const [k, p] of Object.entries((o.properties ?? {}) as Record<string, S>)) {
      const ref = typeof p.$ref === 'string' ? defs[p.$ref.split('/').pop()!] : undefined;
      if (!(p.description ?? ref?.description) || !(p['x-description-zh'] ?? ref?.['x-description-zh'])) missing.push(`${where}.${k}`);
      if (Array.isArray(p.enum)) {
        assert.equal((p.enumDescriptions as unknown[]).length, p.enum.length, `${where}.${k}`);
        assert.equal((p['x-enumDescriptions-zh'] as unknown[]).length, p.enum.length, `${where}.${k}`);
      }
      walk(p, `${where}.${k}`);
    }
  };
  walk(schema as unknown as S, '#');
  walk(defs.probe, '#probe');
  assert.deepEqual(missing, []);
});

/** A snippet body as a user gets it: `^${1:8080}` is a bare 8080, `${2:/health}` the text "/health". */
const fill = (v: unknown): unknown => JSON.parse(JSON.stringify(v)
  .replace(/"\^\$\{\d+:([^}]*)\}"/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/"\^(\d+)"/g, '$1'));

test('the snippets (whole file, each probe) filled in are clean deployment files, under both profiles', () => {
  const probes = ((schema.definitions.probe as unknown as S).defaultSnippets as { body: unknown }[]).map((s) => ({ probes: { liveness: fill(s.body) } }));
  const bodies = [...(schema.defaultSnippets as { body: unknown }[]).map((s) => fill(s.body)), ...probes];
  assert.equal(bodies.length, 3);
  for (const b of bodies) {
    assert.deepEqual(validateDeploy(b), [], JSON.stringify(b));
    for (const profile of ['seed-2021', 'current'] as const) {
      const all = check({ Dockerfile: GOOD, 'server.py': SERVER, 'modelarts-deploy.json': JSON.stringify(b, null, 2) }, { profile });
      assert.deepEqual(deployCodes(all), [], JSON.stringify(b));
    }
  }
});

test('what the schema accepts is what deploymentOf reads (numbers or numeric strings; port a number)', () => {
  const file = { port: 9000, user: '1000:100', cloud: 'otc', memory_mb: 512, probes: { readiness: { check_method: 'EXEC', period_seconds: '7' } } };
  assert.deepEqual(validateDeploy(file), []);
  const d = deploymentOf(file, undefined, 'current');
  assert.equal(d.port, 9000);
  assert.equal(d.portFrom, 'deploy');
  assert.equal(d.memoryBytes, 512 * 1024 * 1024);
  assert.deepEqual(d.probes.map((p) => [p.kind, p.method, p.periodS, p.command?.join(' ')]), [['readiness', 'EXEC', 7, '/home/ma-user/health.sh']]);
  assert.equal(deploymentOf(file, undefined, 'seed-2021').portFrom, 'default');
  assert.ok(validateDeploy({ port: '9000' }).length > 0, 'a port in quotes is refused (deploymentOf would not read it)');
});

test('localizedDeploySchema: zh-cn texts, a rule link where x-code names one, a fresh copy each call', () => {
  const zh = localizedDeploySchema('zh-cn', () => ({ en: 'T', zh: '标题' })) as { properties: Record<string, S> };
  assert.match(String(zh.properties.port.description), /容器端口/);
  assert.match(String(zh.properties.port.markdownDescription), /\[MA121\]\(file:[^)]*\/docs\/rules\/zh-cn\/MA121\.md\) 标题/, 'links the Chinese page');
  const en = localizedDeploySchema('en', () => ({ en: 'T', zh: '标题' })) as { properties: Record<string, S> };
  assert.match(String(en.properties.port.markdownDescription), /\[MA121\]\(file:[^)]*\/docs\/rules\/MA121\.md\) T/, 'links the English page');
  assert.notEqual(localizedDeploySchema('en'), localizedDeploySchema('en'));
});
