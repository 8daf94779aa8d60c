// Property: every quick fix the kit offers on every fixture folder leaves files that still parse (JSON, the
// Dockerfile parser + exec-form JSON + `bash -n` of shell-form scripts, `python3` compile, `node --check`,
// `bash -n`), removes the finding it targets, and adds no error. Two fixes applied one after the other (the second
// recomputed after the first, as a user does) stay correct too. Folders: test/fixtures/** (model folders and the
// config cases), test/corpus/*, test/realworld/* (picked up when present).
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DockerfileParser } from 'dockerfile-ast';
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { checkPaths } from '../../core/check';
import { isDockerfileName } from '../../core/folders';
import { defaultOptions, type Finding, type Fix } from '../../core/types';
import { memFiles } from '../fixtures/dockerfile/harness';
import { repoRoot } from '../helpers/tmp';

type Files = Record<string, string>;
interface Case { name: string; files: Files }

const ROOT = '/virtual/fixcase';
const MAX_FILE = 512 * 1024;

function readTree(dir: string, rel = '', out: Files = {}): Files {
  for (const e of fs.readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const r = path.join(rel, e.name);
    if (e.isDirectory()) { if (!/^(\.git|node_modules|__pycache__)$/.test(e.name)) readTree(dir, r, out); }
    else if (e.isFile() && fs.statSync(path.join(dir, r)).size <= MAX_FILE) out[r] = fs.readFileSync(path.join(dir, r), 'utf8');
  }
  return out;
}

/** Every model folder (a dir with a Dockerfile or config.json) under the fixture roots; each config case on its own. */
function cases(): Case[] {
  const out: Case[] = [];
  // Files only: test/fixtures/dockerfile/ is a folder, not a lower-case Dockerfile.
  const isModel = (d: string) => fs.readdirSync(d, { withFileTypes: true }).some((e) => e.isFile() && (e.name === 'config.json' || isDockerfileName(e.name)));
  const walk = (d: string) => {
    if (isModel(d)) { out.push({ name: path.relative(repoRoot, d), files: readTree(d) }); return; }
    for (const e of fs.readdirSync(d, { withFileTypes: true })) if (e.isDirectory()) walk(path.join(d, e.name));
    for (const n of fs.readdirSync(d)) {
      // Config cases: loose `<name>.json` files (not their expectations) are each a config.json of their own.
      if (n.endsWith('.json') && !n.endsWith('.expect.json') && /[\\/]config[\\/]/.test(d)) out.push({ name: path.relative(repoRoot, path.join(d, n)),
        files: { 'config.json': fs.readFileSync(path.join(d, n), 'utf8') } });
    }
  };
  for (const r of ['fixtures', 'corpus', 'realworld']) if (fs.existsSync(path.join(repoRoot, 'test', r))) walk(path.join(repoRoot, 'test', r));
  return out;
}

const check = (files: Files): Finding[] => checkPaths([ROOT], defaultOptions(), memFiles(files, ROOT)).findings;
const rel = (file: string) => path.relative(ROOT, file);

function apply(files: Files, fix: Fix): Files {
  const out = { ...files };
  const byFile = new Map<string, Fix['edits']>();
  for (const e of fix.edits) byFile.set(rel(e.file), [...(byFile.get(rel(e.file)) ?? []), e]);
  for (const [f, edits] of byFile) out[f] = TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 0, out[f] ?? ''), edits);
  return out;
}

// --- syntax of each language a fix edits -------------------------------------------------------------------
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ma-fixprop-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const memo = new Map<string, boolean>();
function run(cmd: string, args: string[], file: string, text: string): boolean {
  const key = cmd + '\0' + args.join(' ') + '\0' + text;
  if (!memo.has(key)) {
    const p = path.join(tmp, file);
    fs.writeFileSync(p, text);
    memo.set(key, spawnSync(cmd, [...args, p], { encoding: 'utf8' }).status === 0);
  }
  return memo.get(key)!;
}
const jsonErrors = (t: string): number => { const e: ParseError[] = []; parseJsonc(t, e, { allowTrailingComma: false }); return e.length; };
const strictJson = (t: string): boolean => { try { JSON.parse(t); return true; } catch { return false; } };

/** The parts of a Dockerfile that must parse: exec-form arrays as JSON, shell-form scripts with `bash -n`. */
function dockerParts(text: string): string[] {
  return DockerfileParser.parse(text).getInstructions()
    .filter((i) => /^(RUN|CMD|ENTRYPOINT|HEALTHCHECK)$/i.test(i.getKeyword()))
    .map((i) => i.getArgumentsContent() ?? '');
}
const dockerPartOk = (part: string): boolean => {
  const t = part.trim();
  if (t.startsWith('[')) return strictJson(t);
  if (/<</.test(t) || /^(NONE|CMD\b)/.test(t)) return true; // heredocs and HEALTHCHECK forms: not a lone script
  return run('bash', ['-n'], 'part.sh', t + '\n');
};

/** Why `after` no longer parses where `before` did; '' when it does. */
function syntaxBroken(file: string, before: string | undefined, after: string): string {
  const base = path.basename(file);
  if (before === after) return '';
  if (/\.json$/.test(base)) {
    if (before !== undefined && strictJson(before) && !strictJson(after)) return 'JSON no longer parses';
    if (before !== undefined && jsonErrors(after) > jsonErrors(before)) return 'more JSON syntax errors';
  } else if (isDockerfileName(base)) {
    const old = new Set(before === undefined ? [] : dockerParts(before));
    for (const p of dockerParts(after)) if (!old.has(p) && !dockerPartOk(p)) return `instruction does not parse: ${p}`;
  } else if (/\.py$/.test(base)) {
    if ((before === undefined || run('python3', ['-m', 'py_compile'], 'm.py', before)) && !run('python3', ['-m', 'py_compile'], 'm.py',
      after)) return 'Python does not compile';
  } else if (/\.[cm]?js$/.test(base)) {
    const ext = path.extname(base);
    if ((before === undefined || run('node', ['--check'], 'm' + ext, before)) && !run('node', ['--check'], 'm' + ext,
      after)) return 'JavaScript does not parse';
  } else if (/\.sh$/.test(base)) {
    if ((before === undefined || run('bash', ['-n'], 'm.sh', before)) && !run('bash', ['-n'], 'm.sh', after)) return 'shell does not parse';
  }
  return '';
}

// --- the property ------------------------------------------------------------------------------------------
const count = (fs_: Finding[], pred: (f: Finding) => boolean) => fs_.filter(pred).length;
const sameSpot = (a: Finding) => (b: Finding) => b.code === a.code && b.file === a.file;

/** Problems after applying `fix` of `target` to `files` (whose findings are `before`). */
function problems(files: Files, before: Finding[], target: Finding, fix: Fix): { out: Files; after: Finding[]; errs: string[] } {
  const out = apply(files, fix);
  const errs: string[] = [];
  for (const f of new Set(fix.edits.map((e) => rel(e.file)))) {
    const why = syntaxBroken(f, files[f], out[f]);
    if (why) errs.push(`${f}: ${why}`);
  }
  const after = check(out);
  if (count(after, sameSpot(target)) >= count(before, sameSpot(target))) errs.push(`${target.code} remains: ${target.message.en}`);
  // A fix that makes config.json readable (a syntax error, a bare array wrapped as an object) lets the config rules
  // see it: what they find then was hidden by the fault, not added by the fix.
  const reveals = /^MA10[02]$/.test(target.code) && path.basename(target.file) === 'config.json';
  for (const code of new Set(after.filter((f) => f.severity === 'error' && !(reveals && /^MA1/.test(f.code))).map((f) => f.code))) {
    const was = count(before, (f) => f.code === code && f.severity === 'error');
    if (count(after, (f) => f.code === code && f.severity === 'error') > was) errs.push(`new error ${code}: ${after.find((f) => f.code === code)!.message.en}`);
  }
  return { out, after, errs };
}

const fixesOf = (fs_: Finding[]) => fs_.flatMap((f) => (f.fixes ?? []).map((fix) => ({ f, fix })));
const label = (x: { f: Finding; fix: Fix }) => `${x.f.code} "${x.fix.title.en}"`;
/** The same fix, recomputed on the new findings (same code, title and target files); undefined if gone. */
const again = (fs_: Finding[], x: { f: Finding; fix: Fix }) => {
  const files = (fx: Fix) => fx.edits.map((e) => rel(e.file)).sort().join(',');
  const same = fixesOf(fs_).filter((y) => y.f.code === x.f.code && y.fix.title.en === x.fix.title.en && files(y.fix) === files(x.fix));
  return same.find((y) => y.f.message.en === x.f.message.en) ?? same[0];
};

// A rule that throws is reported as a process warning and its findings are lost: here that is a failure.
const ruleErrors: string[] = [];
process.on('warning', (w) => { if (w.name === 'ModelArtsRuleError') ruleErrors.push(w.message.split('\n')[0]); });

const all = cases();
const stats = { folders: all.length, fixes: 0, pairs: 0 };

test('the fixture folders are found (fixtures, config cases, corpus)', () => {
  assert.ok(all.length >= 60, String(all.length));
  assert.ok(all.some((c) => c.name.startsWith('test/corpus/')) && all.some((c) => c.name.includes('config/cases/')));
});

for (const c of all) {
  test(`every fix on ${c.name}, alone and in pairs`, async () => {
    const files = Object.fromEntries(Object.entries(c.files).map(([k, v]) => [k, v]));
    const before = check(files);
    const offered = fixesOf(before);
    const failures: string[] = [];
    for (const [i, x] of offered.entries()) {
      stats.fixes++;
      const one = problems(files, before, x.f, x.fix);
      failures.push(...one.errs.map((e) => `${label(x)}: ${e}`));
      if (one.errs.length) continue;
      for (const [j, y] of offered.entries()) {
        if (i === j) continue;
        const y2 = again(one.after, y);
        if (!y2) continue; // the first fix also resolved it
        stats.pairs++;
        const two = problems(one.out, one.after, y2.f, y2.fix);
        failures.push(...two.errs.map((e) => `${label(x)} then ${label(y)}: ${e}`));
      }
    }
    await new Promise((r) => setImmediate(r)); // warnings are delivered on a later tick
    failures.push(...ruleErrors.splice(0).map((m) => `rule exception: ${m}`));
    assert.deepEqual(failures, []);
  });
}

test('the property covered many fixes and pairs', () => {
  assert.ok(stats.fixes >= 70 && stats.pairs >= 50, JSON.stringify(stats));
  console.log(`fix property: ${JSON.stringify(stats)}`);
});
