// The layering of DESIGN.md, enforced: only client/src outside engine/ imports 'vscode'; server/ and cli/ never
// import vscode or dockerode; the client (outside engine/) holds no rule logic, so it never imports the rules.
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
const clientOutsideEngine = files('client/src').filter((f) => !rel(f).startsWith('client/src/engine/'));

test('the scanner sees every import form (so the checks below can fail)', () => {
  const f = path.join(root, 'client/src/x.ts');
  const found = importsOf(f, [
    "import * as vscode from 'vscode';", "const d = require('dockerode');", "export { a } from '../../server/src/rules/config';",
    "const m = await import('vscode');",
  ].join('\n'));
  assert.deepEqual(found, ['vscode', 'dockerode', 'server/src/rules/config', 'vscode']);
});

test('client/src outside engine/ is where vscode is imported (the layer exists)', () => {
  assert.ok(clientOutsideEngine.some((f) => importsOf(f).includes('vscode')), 'no client file imports vscode');
});

test("only client/src outside engine/ imports 'vscode'", () => {
  const offenders = files('client/src/engine', 'server', 'cli', 'scripts', 'bench')
    .filter((f) => importsOf(f).some((s) => isPkg(s, 'vscode')))
    .map(rel);
  assert.deepEqual(offenders, []);
});

test('server/ and cli/ never import dockerode; server/ never imports the engine', () => {
  const offenders = files('server', 'cli').filter((f) => importsOf(f).some((s) => isPkg(s, 'dockerode'))).map(rel);
  assert.deepEqual(offenders, []);
  const engineUsers = files('server').filter((f) => importsOf(f).some((s) => s.startsWith('client/'))).map(rel);
  assert.deepEqual(engineUsers, []);
});

test('client/src outside engine/ holds no rule logic (never imports server/src/rules or check)', () => {
  const offenders = clientOutsideEngine
    .filter((f) => importsOf(f).some((s) => /^server\/src\/(rules(\/|$)|check$|features(\/|$))/.test(s)))
    .map(rel);
  assert.deepEqual(offenders, []);
});
