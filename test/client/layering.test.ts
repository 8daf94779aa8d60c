// The layering of DESIGN.md, enforced: only client/ imports 'vscode'; core/ imports neither engine/ nor any face;
// engine/ imports core/ only; server/, client/ and cli/ never import each other; nothing but engine/ imports
// dockerode; the client holds no rule logic, so it never imports the rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';

const root = path.resolve(__dirname, '../..');
const rel = (p: string) => path.relative(root, p).split(path.sep).join('/');

function sources(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    if (!fs.existsSync(d)) return;
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) { if (e.name !== 'node_modules') walk(p); } else if (/\.(ts|mts|cts|js|mjs)$/.test(e.name) && !e.name.endsWith('.d.ts')) out.push(p);
    }
  };
  walk(dir);
  return out;
}

/** Every module a file imports (static, dynamic, require, export-from), relative ones resolved to repo paths. */
export function importsOf(file: string, text = fs.readFileSync(file, 'utf8')): string[] {
  return ts.preProcessFile(text, true, true).importedFiles.map(({ fileName }) =>
    fileName.startsWith('.') ? rel(path.resolve(path.dirname(file), fileName)) : fileName);
}

const isPkg = (spec: string, name: string) => spec === name || spec.startsWith(`${name}/`);
const files = (...dirs: string[]) => dirs.flatMap((d) => sources(path.join(root, d)));
const FACES = ['server', 'client', 'cli'];
const under = (spec: string, dir: string) => spec === dir || spec.startsWith(`${dir}/`);
const offenders = (dirs: string[], bad: (spec: string) => boolean) => files(...dirs).filter((f) => importsOf(f).some(bad)).map(rel);

test('the scanner sees every import form (so the checks below can fail)', () => {
  const f = path.join(root, 'client/src/x.ts');
  const found = importsOf(f, [
    "import * as vscode from 'vscode';", "const d = require('dockerode');", "export { a } from '../../core/rules/config';",
    "const m = await import('vscode');",
  ].join('\n'));
  assert.deepEqual(found, ['vscode', 'dockerode', 'core/rules/config', 'vscode']);
});

test('the layers exist: client/ imports vscode, engine/ imports dockerode, every face imports core/', () => {
  assert.ok(files('client').some((f) => importsOf(f).includes('vscode')), 'no client file imports vscode');
  assert.ok(files('engine').some((f) => importsOf(f).includes('dockerode')), 'no engine file imports dockerode');
  for (const face of FACES) assert.ok(files(face).some((f) => importsOf(f).some((s) => under(s, 'core'))), `${face}/ imports nothing of core/`);
});

test("only client/ imports 'vscode'", () => {
  assert.deepEqual(offenders(['core', 'engine', 'server', 'cli', 'scripts', 'bench'], (s) => isPkg(s, 'vscode')), []);
});

test('core/ imports neither engine/ nor any face, nor dockerode', () => {
  assert.deepEqual(offenders(['core'], (s) => isPkg(s, 'dockerode') || ['engine', ...FACES].some((d) => under(s, d))), []);
});

test('engine/ imports core/ only (no face)', () => {
  assert.deepEqual(offenders(['engine'], (s) => FACES.some((d) => under(s, d))), []);
});

test('server/, client/ and cli/ never import each other; only engine/ imports dockerode', () => {
  for (const face of FACES) {
    assert.deepEqual(offenders([face], (s) => FACES.some((d) => d !== face && under(s, d))), [], `${face}/ imports another face`);
  }
  assert.deepEqual(offenders(['server', 'cli', 'client'], (s) => isPkg(s, 'dockerode')), []);
});

test('the client holds no rule logic (never imports core/rules or core/check)', () => {
  assert.deepEqual(offenders(['client'], (s) => /^core\/(rules(\/|$)|check$)/.test(s)), []);
});

test("a rule file never imports another rule's file (shared helpers live in core/analysis/)", () => {
  const ruleFiles = files('core/rules').filter((f) => /\/MA\d{3}\.ts$/.test(f));
  assert.ok(ruleFiles.length >= 49, `rule files found: ${ruleFiles.length}`);
  assert.deepEqual(ruleFiles.filter((f) => importsOf(f).some((s) => /\/MA\d{3}$/.test(s))).map(rel), []);
});

test('the language server imports no part of the Docker workflow (engine/)', () => {
  assert.deepEqual(offenders(['server'], (s) => under(s, 'engine')), []);
});
