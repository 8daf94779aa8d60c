// MA100: ModelArts parses config.json as strict JSON. jsonc-parser tolerates comments and trailing commas so
// the other rules can still run; here each of them, and every real syntax error, becomes a finding of its own.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import { MAX_CONFIG_DEPTH, type ConfigDoc } from '../../parse/config';
import { edit, fix } from './edits';
import { errorFindings } from './syntaxErrors';

const MAX_SYNTAX_FINDINGS = 50;

const UNREADABLE: Record<NonNullable<ConfigDoc['unreadable']>, [string, string]> = {
  'binary': ['config.json is not a text file (it contains NUL bytes): ModelArts cannot read it. Save it as UTF-8 JSON.',
    'config.json 不是文本文件（含有 NUL 字节），ModelArts 无法读取。请保存为 UTF-8 编码的 JSON。'],
  'too-large': ['config.json is larger than 5 MB: no model configuration is that big. Check that this is the right file.',
    'config.json 超过 5 MB，模型配置文件不会这么大。请确认文件是否正确。'],
  'not-utf8': ['config.json is not UTF-8 (saved as GBK/GB18030? Chinese Windows editors often do): ModelArts reads it as UTF-8 and fails on these bytes. Reopen the file with its encoding and save it as UTF-8; nothing else is checked until then.',
    'config.json 不是 UTF-8 编码（是否保存成了 GBK/GB18030？中文 Windows 编辑器常这样保存）：ModelArts 按 UTF-8 读取，会在这些字节处失败。请以原编码重新打开并另存为 UTF-8；在此之前不做其他检查。'],
  'utf16': ['config.json is UTF-16 (Windows PowerShell\'s ">" and Notepad\'s "Unicode" save it so), not UTF-8: ModelArts cannot parse it. Save it as UTF-8 (VS Code: the encoding in the status bar → Save with Encoding → UTF-8); nothing else is checked until then.',
    'config.json 是 UTF-16 编码（Windows PowerShell 的 ">" 与记事本的 "Unicode" 会这样保存），不是 UTF-8：ModelArts 无法解析。请另存为 UTF-8（VS Code：状态栏中的编码 → 通过编码保存 → UTF-8）；在此之前不做其他检查。'],
  'too-deep': [`config.json is nested more than ${MAX_CONFIG_DEPTH} levels deep: no model configuration nests like this, and Python's json module gives up near 1000 levels. Check that this is the right file; nothing else is checked.`,
    `config.json 的嵌套超过 ${MAX_CONFIG_DEPTH} 层：模型配置不会这样嵌套，Python 的 json 模块在约 1000 层时即失败。请确认文件是否正确；不做其他检查。`],
};

/** One finding for a file that cannot be parsed at all (see ConfigDoc.unreadable): nothing else is checked. */
export function unreadableFinding(doc: ConfigDoc): RawFinding {
  const at = doc.unreadableAt ?? 0;
  const range = doc.rangeOf(at, doc.unreadable === 'not-utf8' || doc.unreadable === 'too-deep' ? 1 : 0);
  const [en, zh] = UNREADABLE[doc.unreadable ?? 'binary'];
  return { code: 'MA100', message: L(en, zh), file: doc.file, range };
}

/** One finding per line that continues a `//` comment above it; fixes join it to the comment or remove it. */
function wrappedCommentFindings(doc: ConfigDoc): RawFinding[] {
  return doc.wrappedComments.map((w) => {
    const lineStart = doc.text.lastIndexOf('\n', w.offset - 1) + 1;
    const lineEnd = w.offset + w.length + (doc.text.slice(w.offset + w.length).match(/^[ \t]*\r?\n?/)?.[0].length ?? 0);
    return {
      code: 'MA100', file: doc.file, range: doc.rangeOf(w.offset, w.length),
      message: L('This line continues the comment above (a comment wrapped when it was copied from a web page or PDF): as JSON it is stray text. Join it to the comment, or remove it; the comment itself must go too, since ModelArts parses strict JSON.',
        '该行是上一行注释的延续（从网页或 PDF 复制时注释被折行）：按 JSON 解析它是多余的文本。请把它并入上一行注释或删除；注释本身也须删除，因为 ModelArts 按严格 JSON 解析。'),
      fixes: [
        fix(L('Join it to the comment above', '并入上一行注释'), [edit(doc, w.joinFrom, w.offset - w.joinFrom, ' ')]),
        fix(L('Remove this line', '删除该行'), [edit(doc, lineStart, lineEnd - lineStart, '')], false),
      ],
    };
  });
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
  out.push(...wrappedCommentFindings(doc));
  out.push(...errorFindings(doc, bom));
  // Comments and trailing commas: scan tokens (the parse tree does not keep them). Most files have neither;
  // a regex proves that much faster than a second tokenization (a hit inside a string just means we scan).
  // The parsed text: a wrapped comment line is already reported and must not hide a trailing comma.
  if (!/\/[/*]|,\s*[\]}]/.test(doc.parsedText)) return finishSyntax(doc, out, at);
  const scanner = createScanner(doc.parsedText, false);
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
          fixes: [fix(L('Remove the comment', '删除注释'), [edit(doc, offset, commentEnd(doc, offset + length) - offset, '')])],
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

/** Where a comment ends, with the lines that continue it (removing the comment alone would leave them as stray text). */
function commentEnd(doc: ConfigDoc, end: number): number {
  for (const w of doc.wrappedComments) if (w.joinFrom === end) end = w.offset + w.length;
  return end;
}

function finishSyntax(doc: ConfigDoc, out: RawFinding[], at: (offset: number, length: number) => RawFinding['range']): RawFinding[] {
  if (out.length === 0 && !doc.root) {
    out.push({ code: 'MA100', file: doc.file, range: at(0, 0), message: L('config.json is empty: it must hold a JSON object.', 'config.json 为空：其中须是一个 JSON 对象。') });
  }
  return out.slice(0, MAX_SYNTAX_FINDINGS);
}

/** True when the text has errors beyond comments and trailing commas (or a repaired bracket): the parsed value may be partial. */
export const isBroken = (doc: ConfigDoc): boolean =>
  !doc.root || doc.repairs.length > 0 || doc.syntaxErrors.some((e) => !(e.offset === 0 && e.error === 'InvalidSymbol' && doc.text.charCodeAt(0) === 0xfeff));
