// MA100: ModelArts parses config.json as strict JSON. jsonc-parser tolerates comments and trailing commas so
// the other rules can still run; here each of them, and every real syntax error, becomes a finding of its own.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { RawFinding } from '../../core/types';
import { L } from '../../core/i18n';
import type { ConfigDoc } from '../../parse/config';
import { edit, fix } from './edits';

const MAX_SYNTAX_FINDINGS = 50;

const ERROR_TEXT: Record<string, [string, string]> = {
  InvalidSymbol: ['an unexpected character', '意外的字符'],
  InvalidNumberFormat: ['a malformed number', '数字格式错误'],
  PropertyNameExpected: ['a property name (in double quotes) is expected', '此处应为属性名（用双引号括起）'],
  ValueExpected: ['a value is expected', '此处应为一个值'],
  ColonExpected: ['a colon is expected', '此处应为冒号'],
  CommaExpected: ['a comma is expected', '此处应为逗号'],
  CloseBraceExpected: ['a closing brace } is expected', '此处应为右花括号 }'],
  CloseBracketExpected: ['a closing bracket ] is expected', '此处应为右方括号 ]'],
  EndOfFileExpected: ['the file should end here', '文件应在此结束'],
  InvalidCommentToken: ['a malformed comment', '注释格式错误'],
  UnexpectedEndOfComment: ['an unterminated comment', '注释未结束'],
  UnexpectedEndOfString: ['an unterminated string', '字符串未结束'],
  UnexpectedEndOfNumber: ['an unterminated number', '数字未结束'],
  InvalidUnicode: ['an invalid unicode escape', '无效的 Unicode 转义'],
  InvalidEscapeCharacter: ['an invalid escape character', '无效的转义字符'],
  InvalidCharacter: ['an invalid character in a string (escape control characters)', '字符串中有无效字符（控制字符须转义）'],
};

/** One finding for a file that is not text or too big: nothing else is checked. */
export function unreadableFinding(doc: ConfigDoc): RawFinding {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const message = doc.unreadable === 'binary'
    ? L('config.json is not a text file (it contains NUL bytes): ModelArts cannot read it. Save it as UTF-8 JSON.',
      'config.json 不是文本文件（含有 NUL 字节），ModelArts 无法读取。请保存为 UTF-8 编码的 JSON。')
    : L('config.json is larger than 5 MB: no model configuration is that big. Check that this is the right file.',
      'config.json 超过 5 MB，模型配置文件不会这么大。请确认文件是否正确。');
  return { code: 'MA100', message, file: doc.file, range };
}

export function syntaxFindings(doc: ConfigDoc): RawFinding[] {
  const out: RawFinding[] = [];
  const at = (offset: number, length: number) => doc.rangeOf(offset, Math.max(length, offset < doc.text.length ? 1 : 0));
  // A UTF-8 byte-order mark: Python's json module (and so ModelArts) refuses it; jsonc-parser reports it as an
  // unexpected character at offset 0.
  const bom = doc.text.charCodeAt(0) === 0xfeff;
  if (bom) {
    out.push({
      code: 'MA100', file: doc.file, range: doc.rangeOf(0, 1),
      message: L('config.json starts with a byte-order mark (BOM): strict JSON parsers refuse it. Save the file as UTF-8 without BOM.',
        'config.json 以字节顺序标记（BOM）开头：严格的 JSON 解析器会拒绝它。请保存为不带 BOM 的 UTF-8。'),
      fixes: [fix(L('Remove the byte-order mark', '删除 BOM'), [edit(doc, 0, 1, '')])],
    });
  }
  for (const e of doc.syntaxErrors) {
    if (bom && e.offset === 0 && e.error === 'InvalidSymbol') continue;
    const [en, zh] = ERROR_TEXT[e.error] ?? [e.error, e.error];
    out.push({
      code: 'MA100',
      file: doc.file,
      range: at(e.offset, e.length),
      message: L(`Invalid JSON: ${en}. ModelArts rejects a config.json it cannot parse.`, `JSON 无效：${zh}。ModelArts 会拒绝无法解析的 config.json。`),
    });
  }
  // Comments and trailing commas: scan tokens (the parse tree does not keep them). Most files have neither;
  // a regex proves that much faster than a second tokenization (a hit inside a string just means we scan).
  if (!/\/[/*]|,\s*[\]}]/.test(doc.text)) return finishSyntax(doc, out, at);
  const scanner = createScanner(doc.text, false);
  let pendingComma = -1;
  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF && out.length < MAX_SYNTAX_FINDINGS; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    const length = scanner.getTokenLength();
    switch (kind) {
      case SyntaxKind.LineCommentTrivia:
      case SyntaxKind.BlockCommentTrivia:
        out.push({
          code: 'MA100',
          file: doc.file,
          range: doc.rangeOf(offset, length),
          message: L('Comments are not allowed in config.json: ModelArts parses strict JSON. Remove the comment.',
            'config.json 中不允许注释：ModelArts 按严格 JSON 解析。请删除该注释。'),
          fixes: [fix(L('Remove the comment', '删除注释'), [edit(doc, offset, length, '')])],
        });
        break;
      case SyntaxKind.Trivia:
      case SyntaxKind.LineBreakTrivia:
        continue; // whitespace keeps a pending comma pending
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken:
        if (pendingComma >= 0) {
          out.push({
            code: 'MA100',
            file: doc.file,
            range: doc.rangeOf(pendingComma, 1),
            message: L('Trailing comma: strict JSON allows no comma before a closing bracket or brace. Remove it.',
              '多余的逗号：严格 JSON 不允许在右括号前出现逗号。请删除它。'),
            fixes: [fix(L('Remove the trailing comma', '删除多余的逗号'), [edit(doc, pendingComma, 1, '')])],
          });
        }
        break;
      default:
        break;
    }
    pendingComma = kind === SyntaxKind.CommaToken ? offset : kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia ? pendingComma : -1;
  }
  return finishSyntax(doc, out, at);
}

function finishSyntax(doc: ConfigDoc, out: RawFinding[], at: (offset: number, length: number) => RawFinding['range']): RawFinding[] {
  if (out.length === 0 && !doc.root) {
    out.push({ code: 'MA100', file: doc.file, range: at(0, 0), message: L('config.json is empty: it must hold a JSON object.', 'config.json 为空：其中须是一个 JSON 对象。') });
  }
  return out.slice(0, MAX_SYNTAX_FINDINGS);
}

/** True when the text has errors beyond comments and trailing commas: the parsed value may be partial. */
export const isBroken = (doc: ConfigDoc): boolean =>
  !doc.root || doc.syntaxErrors.some((e) => !(e.offset === 0 && e.error === 'InvalidSymbol' && doc.text.charCodeAt(0) === 0xfeff));
