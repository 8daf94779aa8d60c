// Nothing a person reads is English only. Scans what the product shows: every L(en, zh) / t(en, zh) pair with literal
// texts in the production code (rule messages, quick fixes, engine checks, CLI and client texts), the client's literal
// notification and picker texts that bypass t(), the snippets' descriptions and the walkthrough's pages. The nls
// bundles are checked by test/client/manifest.test.ts, the rule pages by test/core/rule-docs-zh.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';

const ROOT = path.join(__dirname, '..', '..');
const CJK = /[\u4e00-\u9fff]/;
const PRODUCTION = ['core', 'server/src', 'client/src', 'cli', 'engine'];
/** Words that are names in either language (a product, a profile, a tool, a JSON value). */
const NAMES = new Set(['ModelArts', 'Open', 'Telekom', 'Cloud', 'current', 'python', 'zip', 'null', 'RUN']);
/**
 * Known gaps (file: text → why it is listed); the test fails on a gap not listed here and on a listed one that is
 * gone, so the list stays exact.
 */
const KNOWN_GAPS: Record<string, string> = {
};

/** The English words of a text that are not names: placeholders, code spans, quotes and code-like tokens removed. */
function englishWords(text: string): string[] {
  const bare = text.replace(/\$\{\}|`[^`]*`|"[^"]*"|“[^”]*”/g, ' ').replace(/\S*[./:_\-@$%\\\d]\S*/g, ' ');
  return (bare.match(/[A-Za-z]{2,}/g) ?? []).filter((w) => !NAMES.has(w));
}

function sources(): { file: string; src: ts.SourceFile }[] {
  return PRODUCTION.flatMap((d) => (fs.readdirSync(path.join(ROOT, d), { recursive: true }) as string[])
    .filter((f) => f.endsWith('.ts')).map((f) => path.join(d, f))
    .map((file) => ({ file, src: ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true) })));
}

/** A literal text: a string, a template (each `${...}` as `${}`) or a concatenation of them; undefined otherwise. */
function literal(n: ts.Node): string | undefined {
  if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) return n.text;
  if (ts.isTemplateExpression(n)) return [n.head.text, ...n.templateSpans.map((s) => '${}' + s.literal.text)].join('');
  if (ts.isParenthesizedExpression(n)) return literal(n.expression);
  if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const a = literal(n.left), b = literal(n.right);
    if (a !== undefined || b !== undefined) return `${a ?? '${}'}${b ?? '${}'}`;
  }
  return undefined;
}

function walk(node: ts.Node, visit: (n: ts.Node) => void): void {
  visit(node);
  ts.forEachChild(node, (c) => walk(c, visit));
}

const callee = (n: ts.CallExpression | ts.NewExpression) =>
  ts.isPropertyAccessExpression(n.expression) ? n.expression.name.text : ts.isIdentifier(n.expression) ? n.expression.text : '';
const where = (file: string, src: ts.SourceFile, n: ts.Node) => `${file}:${src.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;

test('every L(en, zh) and t(en, zh) pair has Chinese text that is not the English one (names alone excepted)', () => {
  const bad: string[] = [];
  let pairs = 0;
  for (const { file, src } of sources()) walk(src, (n) => {
    if (!ts.isCallExpression(n) || !['L', 't'].includes(callee(n)) || n.arguments.length !== 2) return;
    const [en, zh] = n.arguments.map(literal);
    if (en === undefined || zh === undefined) return;
    pairs++;
    const namesOnly = englishWords(zh).length === 0 && englishWords(en).length === 0;
    if ((!CJK.test(zh) || zh === en) && !namesOnly) bad.push(`${where(file, src, n)}: ${JSON.stringify(en)} → ${JSON.stringify(zh)}`);
  });
  assert.ok(pairs > 400, `the scan finds the message tables (${pairs} pairs)`);
  assert.deepEqual(bad, []);
});

test('the scan tells a missing translation from a name', () => {
  assert.deepEqual(englishWords('ModelArts（current）'), []);
  assert.deepEqual(englishWords('${}：`RUN pip install`'), []);
  assert.deepEqual(englishWords('The image is too large'), ['The', 'image', 'is', 'too', 'large']);
  assert.deepEqual(englishWords('镜像 swr.cn-north-4.myhuaweicloud.com/org/app:1 太大'), []);
});

/** Literal English shown by the client without t(): notifications, test messages, pickers' and inputs' texts. */
function clientLiterals(): string[] {
  const CALLS = new Set(['showErrorMessage', 'showWarningMessage', 'showInformationMessage', 'TestMessage', 'createOutputChannel']);
  const PROPS = new Set(['title', 'placeHolder', 'prompt', 'label', 'description', 'detail', 'message', 'tooltip']);
  const found: string[] = [];
  const check = (file: string, n: ts.Node) => {
    const text = literal(n);
    if (text !== undefined && englishWords(text).length) found.push(`${file}: ${text}`);
  };
  for (const { file, src } of sources().filter((s) => s.file.startsWith('client'))) walk(src, (n) => {
    if ((ts.isCallExpression(n) || ts.isNewExpression(n)) && CALLS.has(callee(n))) n.arguments?.forEach((a) => check(file, a));
    if (ts.isPropertyAssignment(n) && ts.isIdentifier(n.name) && PROPS.has(n.name.text)) check(file, n.initializer);
    if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(n.left) &&
      PROPS.has(n.left.name.text)) check(file, n.right);
  });
  return found;
}

/** Walkthrough pages (media markdown of package.json's walkthroughs, as the zh-cn bundle resolves them) without Chinese. */
function walkthroughGaps(): string[] {
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
  const zh = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.nls.zh-cn.json'), 'utf8')) as Record<string, string>;
  const resolve = (v: string) => v.replace(/^%(.+)%$/, (_, k: string) => zh[k] ?? v);
  const pages = (pkg.contributes.walkthroughs ?? []).flatMap((w: { steps: { media?: { markdown?: string } }[] }) =>
    w.steps.flatMap((s) => (s.media?.markdown ? [resolve(s.media.markdown)] : [])));
  assert.ok(pages.length >= 3, 'the walkthrough has pages');
  return pages.filter((p: string) => !inChinese(fs.readFileSync(path.join(ROOT, p), 'utf8')));
}

/** A page in Chinese, not an English page with a Chinese summary line: at least one Chinese character per English word. */
function inChinese(page: string): boolean {
  const prose = page.replace(/```[\s\S]*?```|`[^`]*`/g, '');
  return (prose.match(/[\u4e00-\u9fff]/g) ?? []).length >= (prose.match(/\b[A-Za-z]{2,}\b/g) ?? []).length;
}

test('no English-only text in the client or the walkthrough but the known gaps listed here', () => {
  const gaps = [...clientLiterals(), ...walkthroughGaps()];
  assert.deepEqual(gaps.filter((g) => !(g in KNOWN_GAPS)), [], 'new English-only text');
  assert.deepEqual(Object.keys(KNOWN_GAPS).filter((g) => !gaps.includes(g)), [], 'fixed: remove it from KNOWN_GAPS');
});

test('every snippet description says it in Chinese too ("English. / 中文。"; VS Code cannot localize snippet files)', () => {
  const dir = path.join(ROOT, 'snippets');
  for (const f of fs.readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const set = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Record<string, { description?: string }>;
    for (const [name, s] of Object.entries(set)) {
      const [en, zh] = (s.description ?? '').split(' / ').reduce<[string, string]>((acc, part, i, all) =>
        (i === all.length - 1 ? [acc[0], part] : [`${acc[0]}${i ? ' / ' : ''}${part}`, '']), ['', '']);
      assert.ok(en && !CJK.test(en), `${f} "${name}": an English half`);
      assert.match(zh, CJK, `${f} "${name}": a Chinese half`);
      assert.ok(zh.length >= en.length / 4, `${f} "${name}": the Chinese half says what the English one says`);
    }
  }
});
