// MA100: config.json is not valid JSON. Page: docs/rules/MA100.md
// ModelArts parses config.json as strict JSON. jsonc-parser tolerates comments and trailing commas so the other
// rules can still run; here each of them, and every real syntax error (once, where it is), becomes a finding.
import type { Localized, RawFinding } from '../../types';
import { L } from '../../i18n';
import { MAX_CONFIG_DEPTH, type ConfigDoc } from '../../parse/config';
import { defineRule } from '../rule';
import type { ConfigRuleIn } from '../../analysis/config/rule';
import { edit, fix } from '../../analysis/config/edits';
import {
  bracketProblem, commaAfter, jsonErrorText, commentEnd, missingCommaAt, reportedErrors, strictSlips, unquotedKeyAt, wrappedLine,
  type BracketProblem, type SyntaxError,
} from '../../analysis/config/syntax';

const MAX_SYNTAX_FINDINGS = 50;
const REJECTS = ['ModelArts rejects a config.json it cannot parse.', 'ModelArts 会拒绝无法解析的 config.json。'];

const UNREADABLE: Record<NonNullable<ConfigDoc['unreadable']>, Localized> = {
  'binary': L('config.json is not a text file (it contains NUL bytes): ModelArts cannot read it. Save it as UTF-8 JSON.',
    'config.json 不是文本文件（含有 NUL 字节），ModelArts 无法读取。请保存为 UTF-8 编码的 JSON。'),
  'too-large': L('config.json is larger than 5 MB: no model configuration is that big. Check that this is the right file.',
    'config.json 超过 5 MB，模型配置文件不会这么大。请确认文件是否正确。'),
  'not-utf8': L('config.json is not UTF-8 (saved as GBK/GB18030? Chinese Windows editors often do): ModelArts reads it as UTF-8 '
      + 'and fails on these bytes. Reopen the file with its encoding and save it as UTF-8; nothing else is checked until then.',
    'config.json 不是 UTF-8 编码（是否保存成了 GBK/GB18030？中文 Windows 编辑器常这样保存）：ModelArts 按 UTF-8 读取，'
      + '会在这些字节处失败。请以原编码重新打开并另存为 UTF-8；在此之前不做其他检查。'),
  'utf16': L('config.json is UTF-16 (Windows PowerShell\'s ">" and Notepad\'s "Unicode" save it so), not UTF-8: ModelArts cannot '
      + 'parse it. Save it as UTF-8 (VS Code: the encoding in the status bar → Save with Encoding → UTF-8); nothing else is '
      + 'checked until then.',
    'config.json 是 UTF-16 编码（Windows PowerShell 的 ">" 与记事本的 "Unicode" 会这样保存），不是 UTF-8：ModelArts 无法解析。'
      + '请另存为 UTF-8（VS Code：状态栏中的编码 → 通过编码保存 → UTF-8）；在此之前不做其他检查。'),
  'too-deep': L(`config.json is nested more than ${MAX_CONFIG_DEPTH} levels deep: no model configuration nests like this, and `
      + 'Python\'s json module gives up near 1000 levels. Check that this is the right file; nothing else is checked.',
    `config.json 的嵌套超过 ${MAX_CONFIG_DEPTH} 层：模型配置不会这样嵌套，Python 的 json 模块在约 1000 层时即失败。请确认文件是否正确；不做其他检查。`),
};

const messages = {
  unreadable: (why: NonNullable<ConfigDoc['unreadable']>) => UNREADABLE[why],
  wrappedComment: L('This line continues the comment above (a comment wrapped when it was copied from a web page or PDF): as JSON '
      + 'it is stray text. Join it to the comment, or remove it; the comment itself must go too, since ModelArts parses strict JSON.',
    '该行是上一行注释的延续（从网页或 PDF 复制时注释被折行）：按 JSON 解析它是多余的文本。请把它并入上一行注释或删除；'
      + '注释本身也须删除，因为 ModelArts 按严格 JSON 解析。'),
  joinFix: L('Join it to the comment above', '并入上一行注释'),
  removeLineFix: L('Remove this line', '删除该行'),
  bom: L('config.json starts with a byte-order mark (BOM): strict JSON parsers refuse it. Save the file as UTF-8 without BOM.',
    'config.json 以字节顺序标记（BOM）开头：严格的 JSON 解析器会拒绝它。请保存为不带 BOM 的 UTF-8。'),
  bomFix: L('Remove the byte-order mark', '删除 BOM'),
  comment: L('Comments are not allowed in config.json: ModelArts parses strict JSON. Remove the comment.',
    'config.json 中不允许注释：ModelArts 按严格 JSON 解析。请删除该注释。'),
  commentFix: L('Remove the comment', '删除注释'),
  trailingComma: L('Trailing comma: strict JSON allows no comma before a closing bracket or brace. Remove it.',
    '多余的逗号：严格 JSON 不允许在右括号前出现逗号。请删除它。'),
  trailingCommaFix: L('Remove the trailing comma', '删除多余的逗号'),
  empty: L('config.json is empty: it must hold a JSON object.', 'config.json 为空：其中须是一个 JSON 对象。'),
  unopened: (ch: string) => L(`Invalid JSON: this ${ch} has nothing to close. Remove it, or add its opening bracket.`,
    `JSON 无效：此 ${ch} 没有可闭合的括号。请删除它，或补上对应的左括号。`),
  mismatched: (opened: string, want: string, ch: string, line: number) => L(
    `Invalid JSON: this ${opened} is not closed: a ${want} is missing before the ${ch} on line ${line}. ${REJECTS[0]}`,
    `JSON 无效：此 ${opened} 未闭合：第 ${line} 行的 ${ch} 之前缺少 ${want}。${REJECTS[1]}`),
  unclosed: (opened: string, want: string) => L(`Invalid JSON: this ${opened} is never closed: add the matching ${want}. ${REJECTS[0]}`,
    `JSON 无效：此 ${opened} 始终未闭合：请补上对应的 ${want}。${REJECTS[1]}`),
  unquotedKey: (word: string) => L(`Invalid JSON: the property name ${word} must be in double quotes ("${word}").`,
    `JSON 无效：属性名 ${word} 必须用双引号括起（"${word}"）。`),
  quoteFix: (word: string) => L(`Quote it: "${word}"`, `加上引号："${word}"`),
  missingComma: L(`Invalid JSON: a comma is missing after this value. ${REJECTS[0]}`, `JSON 无效：此值后缺少逗号。${REJECTS[1]}`),
  insertCommaFix: L('Insert a comma', '插入逗号'),
  missingCloser: (missing: string, opened: string, line: number) => L(
    `Invalid JSON: "${missing}" is missing after this value, to close the ${opened} opened on line ${line} (the indentation of `
      + `the next line says it ends here). ${REJECTS[0]}`,
    `JSON 无效：此值后缺少 "${missing}"，用于闭合第 ${line} 行的 ${opened}（下一行的缩进表明它在此结束）。${REJECTS[1]}`),
  insertFix: (missing: string) => L(`Insert "${missing}"`, `插入 "${missing}"`),
  invalid: (error: string) => {
    const t = jsonErrorText(error);
    return L(`Invalid JSON: ${t.en}. ${REJECTS[0]}`, `JSON 无效：${t.zh}。${REJECTS[1]}`);
  },
};

const finding = (doc: ConfigDoc, offset: number, length: number, message: Localized, extra: Partial<RawFinding> = {}): RawFinding =>
  ({ code: 'MA100', file: doc.file, range: doc.rangeOf(offset, length), message, ...extra });

function unreadable(doc: ConfigDoc): RawFinding[] {
  const at = doc.unreadableAt ?? 0;
  return [finding(doc, at, doc.unreadable === 'not-utf8' || doc.unreadable === 'too-deep' ? 1 : 0, messages.unreadable(doc.unreadable ?? 'binary'))];
}

/** One finding per line that continues a `//` comment above it; fixes join it to the comment or remove it. */
const wrappedComments = (doc: ConfigDoc): RawFinding[] => doc.wrappedComments.map((w) => {
  const line = wrappedLine(doc, w);
  return finding(doc, w.offset, w.length, messages.wrappedComment, {
    fixes: [
      fix(messages.joinFix, [edit(doc, w.joinFrom, w.offset - w.joinFrom, ' ')]),
      fix(messages.removeLineFix, [edit(doc, line.start, line.end - line.start, '')], false),
    ],
  });
});

function bracketFinding(doc: ConfigDoc, b: BracketProblem): RawFinding {
  const message = b.kind === 'unopened' ? messages.unopened(b.ch)
    : b.kind === 'mismatched' ? messages.mismatched(b.opened, b.want, b.ch, b.closeLine) : messages.unclosed(b.opened, b.want);
  return finding(doc, b.offset, 1, message);
}

/** A bracket that indentation showed missing (parse/repair.ts): reported where it goes, with a fix that adds it. */
const repairFindings = (doc: ConfigDoc): RawFinding[] => doc.repairs.map((r) => {
  const line = doc.doc.positionAt(r.openerOffset).line + 1;
  const missing = commaAfter(doc, r.parsedAt) ? `${r.closer},` : r.closer;
  return finding(doc, Math.max(r.insertAt - 1, 0), 1, messages.missingCloser(missing, doc.text[r.openerOffset], line),
    { fixes: [fix(messages.insertFix(missing), [edit(doc, r.insertAt, 0, missing)])] });
});

/** An unquoted key is said so, with a fix that quotes it; a missing comma where it belongs, with a fix that inserts it. */
function errorFinding(doc: ConfigDoc, e: SyntaxError): RawFinding {
  const word = e.error === 'InvalidSymbol' ? unquotedKeyAt(doc, e.offset, e.length) : undefined;
  if (word) {
    const quote = fix(messages.quoteFix(word), [edit(doc, e.offset, e.length, JSON.stringify(word))]);
    return finding(doc, e.offset, e.length, messages.unquotedKey(word), { fixes: [quote] });
  }
  const end = e.error === 'CommaExpected' ? missingCommaAt(doc, e.offset) : undefined;
  if (end !== undefined) return finding(doc, end - 1, 1, messages.missingComma, { fixes: [fix(messages.insertCommaFix, [edit(doc, end, 0, ',')])] });
  return finding(doc, e.offset, Math.max(e.length, e.offset < doc.text.length ? 1 : 0), messages.invalid(e.error));
}

function errorFindings(doc: ConfigDoc, skipBom: boolean): RawFinding[] {
  const repaired = repairFindings(doc);
  if (!doc.syntaxErrors.length) return repaired;
  const brackets = bracketProblem(doc);
  const out = brackets ? [...repaired, bracketFinding(doc, brackets)] : repaired;
  return out.concat(reportedErrors(doc, skipBom, brackets).map((e) => errorFinding(doc, e)));
}

function slipFinding(doc: ConfigDoc, s: { kind: 'comment' | 'comma'; offset: number; length: number }): RawFinding {
  if (s.kind === 'comma') return finding(doc, s.offset, 1, messages.trailingComma, { fixes: [fix(messages.trailingCommaFix, [edit(doc, s.offset, 1, '')])] });
  const end = commentEnd(doc, s.offset + s.length);
  return finding(doc, s.offset, s.length, messages.comment, { fixes: [fix(messages.commentFix, [edit(doc, s.offset, end - s.offset, '')])] });
}

function syntax(doc: ConfigDoc): RawFinding[] {
  const out: RawFinding[] = [];
  // A UTF-8 byte-order mark: Python's json module (and so ModelArts) refuses it; jsonc-parser reports it as an
  // unexpected character at offset 0.
  const bom = doc.text.charCodeAt(0) === 0xfeff;
  if (bom) out.push(finding(doc, 0, 1, messages.bom, { fixes: [fix(messages.bomFix, [edit(doc, 0, 1, '')])] }));
  out.push(...wrappedComments(doc), ...errorFindings(doc, bom));
  for (const s of strictSlips(doc)) {
    if (out.length >= MAX_SYNTAX_FINDINGS) break;
    out.push(slipFinding(doc, s));
  }
  if (out.length === 0 && doc.value === undefined) out.push(finding(doc, 0, doc.text.length > 0 ? 1 : 0, messages.empty));
  return out.slice(0, MAX_SYNTAX_FINDINGS);
}

export default defineRule({
  meta: {
    code: 'MA100',
    family: 'config',
    severity: 'error',
    title: L('config.json is not valid JSON', 'config.json 不是合法的 JSON'),
  },
  messages,
  unreadable,
  syntax,
} satisfies ConfigRuleIn);
