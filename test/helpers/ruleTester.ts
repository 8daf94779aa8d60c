// Valid/invalid cases for one rule (eslint's RuleTester, hadolint's DL3025Spec): each case is a model folder in
// memory, checked with every real rule; a case asserts only what it says about its own code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CheckOptions, Finding, Severity } from '../../core/types';
import { check, applyFix, ours, type Checked } from '../fixtures/dockerfile/harness';
import { DEPLOY_FILE } from '../../core/deployment';

export { check, applyFix, type Checked };

type Files = Record<string, string>;

export interface ValidCase {
  name: string;
  /** The model folder by relative path: `Dockerfile`, `config.json` (added when absent), `modelarts-deploy.json`, code. */
  files: Files;
  opts?: Partial<CheckOptions>;
  /** The folder has no MA2xx/MA3xx finding at all (valid), or only this code's (invalid). */
  alone?: boolean;
  /** The folder's config.json findings (MA1xx), by code, in the order reported: exactly these. */
  exact?: string[];
}

export interface InvalidCase extends ValidCase {
  /** How many findings of the code (default: at least one). */
  count?: number;
  severity?: Severity;
  /** Matched against every finding's English message (and the Chinese one has text too). */
  message?: RegExp;
  /** 0-based line of the first finding. */
  line?: number;
  /** The preferred fix of each finding, applied one at a time, clears the code ('clean': leaves no MA2xx/MA3xx finding). */
  fixed?: boolean | 'clean';
  /** Anything to assert on the files once every finding of the code is fixed. */
  whenFixed?: (files: Files) => void;
  /**
   * The code is reported once; its first fix applied leaves no finding of the code and valid JSON (no MA100, or no
   * MA120 in the deployment file); a
   * function gets the folder after the fix.
   */
  firstFix?: true | ((after: Checked) => void);
  /** Anything else to assert on the findings of the code. */
  then?: (found: Finding[], all: Checked) => void;
}

const of = (c: Checked, code: string) => c.findings.filter((f) => f.code === code);

/** The config.json codes (MA1xx) of a checked folder, in the order reported (the deployment file's MA12x are not). */
export const configCodes = (c: Checked): string[] =>
  c.findings.filter((f) => /^MA1\d\d$/.test(f.code) && !f.file.endsWith('/' + DEPLOY_FILE)).map((f) => f.code);

/** The deployment file's codes (MA12x) of a checked folder, in the order reported. */
export const deployCodes = (c: Checked): string[] => c.findings.filter((f) => f.file.endsWith('/' + DEPLOY_FILE)).map((f) => f.code);

/** The text a finding's range covers in its file. */
export function rangeText(c: Checked, f: Finding): string {
  const file = Object.keys(c.files).find((k) => f.file.endsWith('/' + k));
  const lines = (file !== undefined ? c.files[file] : '').split('\n');
  const { start, end } = f.range;
  if (start.line === end.line) return lines[start.line].slice(start.character, end.character);
  return [lines[start.line].slice(start.character), ...lines.slice(start.line + 1, end.line), lines[end.line].slice(0, end.character)].join('\n');
}

function assertFirstFix(code: string, c: InvalidCase, all: Checked, found: Finding[]): void {
  assert.equal(found.length, 1, `one ${code} in ${JSON.stringify(configCodes(all))}`);
  assert.ok(found[0].fixes?.length, `${code} has a fix`);
  const after = check(applyFix(all.files, found[0].fixes![0]), c.opts);
  const deploy = found[0].file.endsWith('/' + DEPLOY_FILE);
  const text = after.files[deploy ? DEPLOY_FILE : 'config.json'];
  const codes = deploy ? deployCodes(after) : configCodes(after);
  assert.ok(!codes.includes(code), `${code} gone after the fix:\n${text}\n${JSON.stringify(after.findings.map((x) => x.message.en))}`);
  assert.ok(!codes.includes(deploy ? 'MA120' : 'MA100'), `fix keeps valid JSON:\n${text}`);
  if (typeof c.firstFix === 'function') c.firstFix(after);
}

/**
 * Applies the preferred fix (never "suppress") of the code's first finding until none is left.
 * @public for the per-rule tests' own checks (`then`), beside `fixed`.
 */
export function fixAll(files: Files, code: string, opts: Partial<CheckOptions> = {}): Files {
  let cur = { ...files };
  for (let i = 0; i < 5; i++) {
    const f = of(check(cur, opts), code)[0];
    if (!f) return cur;
    const fx = f.fixes?.find((x) => x.isPreferred && !x.title.en.startsWith('Suppress')) ?? f.fixes?.find((x) => !x.title.en.startsWith('Suppress'));
    assert.ok(fx, `${code} offers a fix: ${f.message.en}`);
    cur = applyFix(cur, fx);
  }
  return cur;
}

function assertInvalid(code: string, c: InvalidCase): void {
  const all = check(c.files, c.opts);
  const found = of(all, code);
  if (c.alone) assert.deepEqual(ours(all).filter((x) => x !== code), [], `only ${code}`);
  const seen = all.findings.map((f) => `${f.code}@${f.range.start.line}`).join(' ');
  if (c.count !== undefined) assert.equal(found.length, c.count, `${code} ×${c.count}: ${seen}`);
  else assert.ok(found.length > 0, `${code} reported: ${seen}`);
  for (const f of found) {
    if (c.severity) assert.equal(f.severity, c.severity, f.message.en);
    if (c.message) assert.match(f.message.en, c.message);
    assert.ok(f.message.zh.trim() && f.message.zh !== f.message.en, `a Chinese message: ${f.message.zh}`);
  }
  if (c.line !== undefined) assert.equal(found[0].range.start.line, c.line);
  if (c.exact) assert.deepEqual(configCodes(all), c.exact, seen);
  if (c.fixed || c.whenFixed) {
    const fixedFiles = fixAll(c.files, code, c.opts);
    const after = check(fixedFiles, c.opts);
    if (c.fixed) assert.deepEqual(c.fixed === 'clean' ? ours(after) : of(after, code), [], `${code} fixed: ${fixedFiles.Dockerfile}`);
    c.whenFixed?.(fixedFiles);
  }
  if (c.firstFix) assertFirstFix(code, c, all, found);
  c.then?.(found, all);
}

export function ruleTester(code: string, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  assert.ok(cases.valid.length && cases.invalid.length, `${code} has valid and invalid cases`);
  for (const c of cases.valid) {
    test(`${code} valid: ${c.name}`, () => {
      const all = check(c.files, c.opts);
      assert.deepEqual(of(all, code).map((f) => f.message.en), [], `${code} not reported`);
      if (c.alone) assert.deepEqual(ours(all), [], 'no Dockerfile or project finding at all');
      if (c.exact) assert.deepEqual(configCodes(all), c.exact, JSON.stringify(all.findings.map((f) => f.message.en)));
    });
  }
  for (const c of cases.invalid) test(`${code} invalid: ${c.name}`, () => assertInvalid(code, c));
}
