// The corpus: realistic model folders (test/corpus/<name>/) across base images, package managers, servers,
// multi-stage builds, heredocs and continuations. expect.json says {"correct": true} (no error or warning finding
// allowed) or {"codes": [...]} (exactly these error/warning codes). Checked through the CLI entry and the server.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkPaths } from '../../core/check';
import { defaultOptions } from '../../core/types';
import { LspClient } from '../server/lsp';

const ROOT = __dirname;
const names = fs.readdirSync(ROOT).filter((n) => fs.existsSync(path.join(ROOT, n, 'expect.json'))).sort();
const expectOf = (n: string): { correct?: boolean; codes?: string[] } => JSON.parse(fs.readFileSync(path.join(ROOT, n, 'expect.json'), 'utf8'));
const wanted = (n: string): string[] => (expectOf(n).correct ? [] : [...(expectOf(n).codes ?? [])].sort());
const serious = (sev: string | number | undefined) => sev === 'error' || sev === 'warning' || sev === 1 || sev === 2;

test('the corpus has 30+ folders, most of them correct, each with a Dockerfile and a config.json', () => {
  assert.ok(names.length >= 30, String(names.length));
  assert.ok(names.filter((n) => expectOf(n).correct).length >= 25);
  for (const n of names) {
    assert.ok(fs.existsSync(path.join(ROOT, n, 'Dockerfile')) && fs.existsSync(path.join(ROOT, n, 'config.json')), n);
    const e = expectOf(n);
    assert.ok(e.correct === true || (Array.isArray(e.codes) && e.codes.length > 0), `${n}: expect.json says correct or lists codes`);
  }
});

test('the corpus covers the base images, package managers and servers it claims', () => {
  const all = names.map((n) => fs.readFileSync(path.join(ROOT, n, 'Dockerfile'), 'utf8')).join('\n');
  for (const s of ['FROM python:', 'FROM ubuntu:', 'FROM debian:', 'FROM alpine:', 'FROM centos:', 'FROM rockylinux:', 'FROM nvidia/cuda:',
    'FROM node:', 'eclipse-temurin', 'openjdk', 'swr.', 'apt-get install', 'yum install', 'dnf install', 'apk add', 'pip install', 'conda env create',
    'gunicorn', 'uvicorn', 'flask', 'http.server', '"node"', '"java"', ' AS build', '<<EOF', '\\\n']) {
    assert.ok(all.includes(s) || names.some((n) => fs.readdirSync(path.join(ROOT,
      n)).some((f) => f.endsWith('.py') && fs.readFileSync(path.join(ROOT, n, f), 'utf8').includes(s))), `corpus has ${JSON.stringify(s)}`);
  }
});

for (const name of names) {
  test(`corpus ${name}: ${expectOf(name).correct ? 'no error or warning' : wanted(name).join(', ')}`, () => {
    const dir = path.join(ROOT, name);
    for (const profile of ['seed-2021', 'current'] as const) assert.doesNotThrow(() => checkPaths([dir], { ...defaultOptions(), profile }));
    const { folders, findings } = checkPaths([dir], defaultOptions());
    assert.equal(folders.length, 1, 'one model folder');
    const got = findings.filter((f) => serious(f.severity));
    assert.deepEqual(got.map((f) => f.code).sort(), wanted(name),
      got.map((f) => `${f.code} ${path.basename(f.file)}:${f.range.start.line + 1} ${f.message.en}`).join('\n'));
  });
}

test('the server agrees: opening each folder gives exactly the expected error/warning codes', async () => {
  const c = await LspClient.start({ roots: [ROOT] });
  try {
    for (const name of names) {
      const codes: string[] = [];
      for (const file of ['Dockerfile', 'config.json']) {
        const p = path.join(ROOT, name, file);
        const since = c.mark();
        await c.open(p, fs.readFileSync(p, 'utf8'));
        // The publish for this open version (a close of the previous file may publish for it first).
        const pub = await c.waitForFile(p, since, (x) => x.version === c.version(p));
        codes.push(...pub.diagnostics.filter((d) => serious(d.severity)).map((d) => String(d.code)));
        await c.close(p);
      }
      assert.deepEqual(codes.sort(), wanted(name), name);
    }
    assert.deepEqual(c.logs.filter((l) => /failed|uncaught/i.test(l)), []);
  } finally {
    await c.stop();
  }
});
