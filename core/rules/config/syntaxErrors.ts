// MA100 for real syntax errors, each once, where it is. jsonc-parser reports every token its recovery had to skip:
// one unquoted key gives three errors on one line, one missing `}` gives errors on the valid lines after it and at
// the end of the file. So: brackets are matched first (a mismatch is reported at the opener that was left open,
// and what follows it is the cascade), then at most one error per line is kept.
import { createScanner, SyntaxKind } from 'jsonc-parser';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ConfigDoc } from '../../parse/config';
import { edit, fix } from './edits';

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

interface BracketProblem { finding: RawFinding; cutoff: number }

const CLOSER: Record<number, string> = { [SyntaxKind.OpenBraceToken]: '}', [SyntaxKind.OpenBracketToken]: ']' };

/** The first bracket that does not match, as a finding, and the offset from which jsonc's errors are its cascade. */
function bracketProblem(doc: ConfigDoc): BracketProblem | undefined {
  const stack: { kind: SyntaxKind; offset: number }[] = [];
  const scanner = createScanner(doc.parsedText, true);
  const line = (o: number) => doc.doc.positionAt(o).line + 1;
  const mk = (offset: number, en: string, zh: string, cutoff: number): BracketProblem =>
    ({ finding: { code: 'MA100', file: doc.file, range: doc.rangeOf(offset, 1), message: L(en, zh) }, cutoff });
  for (let k = scanner.scan(); k !== SyntaxKind.EOF; k = scanner.scan()) {
    const o = scanner.getTokenOffset();
    if (k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken) stack.push({ kind: k, offset: o });
    else if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) {
      const ch = k === SyntaxKind.CloseBraceToken ? '}' : ']';
      const top = stack.pop();
      if (!top) return mk(o, `Invalid JSON: this ${ch} has nothing to close. Remove it, or add its opening bracket.`, `JSON 无效：此 ${ch} 没有可闭合的括号。请删除它，或补上对应的左括号。`, o);
      if (CLOSER[top.kind] !== ch) {
        const want = CLOSER[top.kind];
        const opened = doc.text[top.offset];
        return mk(top.offset, `Invalid JSON: this ${opened} is not closed: a ${want} is missing before the ${ch} on line ${line(o)}. ModelArts rejects a config.json it cannot parse.`,
          `JSON 无效：此 ${opened} 未闭合：第 ${line(o)} 行的 ${ch} 之前缺少 ${want}。ModelArts 会拒绝无法解析的 config.json。`, o);
      }
    }
  }
  const open = stack.pop();
  if (!open) return undefined;
  const want = CLOSER[open.kind];
  return mk(open.offset, `Invalid JSON: this ${doc.text[open.offset]} is never closed: add the matching ${want}. ModelArts rejects a config.json it cannot parse.`,
    `JSON 无效：此 ${doc.text[open.offset]} 始终未闭合：请补上对应的 ${want}。ModelArts 会拒绝无法解析的 config.json。`, doc.text.length);
}

/** An unquoted key (`model_type: "Image"`): said so, with a fix that quotes it. */
function unquotedKey(doc: ConfigDoc, offset: number, length: number): RawFinding | undefined {
  const word = doc.parsedText.slice(offset, offset + length);
  if (!/^[A-Za-z_$][\w$-]*$/.test(word) || !/^\s*:/.test(doc.parsedText.slice(offset + length, offset + length + 40))) return undefined;
  return {
    code: 'MA100', file: doc.file, range: doc.rangeOf(offset, length),
    message: L(`Invalid JSON: the property name ${word} must be in double quotes ("${word}").`, `JSON 无效：属性名 ${word} 必须用双引号括起（"${word}"）。`),
    fixes: [fix(L(`Quote it: "${word}"`, `加上引号："${word}"`), [edit(doc, offset, length, JSON.stringify(word))])],
  };
}

/**
 * A missing comma: jsonc-parser notices it at the next value, often on the next (valid) line. Reported where the
 * comma belongs, right after the value before it, with a fix that inserts it.
 */
function missingComma(doc: ConfigDoc, offset: number): RawFinding | undefined {
  let end = offset;
  while (end > 0 && /\s/.test(doc.parsedText[end - 1])) end--;
  if (end === 0 || end === offset) return undefined;
  return {
    code: 'MA100', file: doc.file, range: doc.rangeOf(end - 1, 1),
    message: L('Invalid JSON: a comma is missing after this value. ModelArts rejects a config.json it cannot parse.', 'JSON 无效：此值后缺少逗号。ModelArts 会拒绝无法解析的 config.json。'),
    fixes: [fix(L('Insert a comma', '插入逗号'), [edit(doc, end, 0, ',')])],
  };
}

/** The comma error right after a repaired bracket (`}` then `"next": ...`): the same slip, one finding. */
const commaAfter = (doc: ConfigDoc, parsedAt: number) => doc.syntaxErrors.find((e) =>
  e.error === 'CommaExpected' && e.offset > parsedAt && /^\s*$/.test(doc.parsedText.slice(parsedAt + 1, e.offset)));

/** A bracket that indentation showed missing (parse/repair.ts): reported where it goes, with a fix that adds it. */
function repairFindings(doc: ConfigDoc): RawFinding[] {
  return doc.repairs.map((r) => {
    const opened = doc.text[r.openerOffset];
    const line = doc.doc.positionAt(r.openerOffset).line + 1;
    const missing = commaAfter(doc, r.parsedAt) ? `${r.closer},` : r.closer;
    return {
      code: 'MA100', file: doc.file, range: doc.rangeOf(Math.max(r.insertAt - 1, 0), 1),
      message: L(`Invalid JSON: "${missing}" is missing after this value, to close the ${opened} opened on line ${line} (the indentation of the next line says it ends here). ModelArts rejects a config.json it cannot parse.`,
        `JSON 无效：此值后缺少 "${missing}"，用于闭合第 ${line} 行的 ${opened}（下一行的缩进表明它在此结束）。ModelArts 会拒绝无法解析的 config.json。`),
      fixes: [fix(L(`Insert "${missing}"`, `插入 "${missing}"`), [edit(doc, r.insertAt, 0, missing)])],
    };
  });
}

export function errorFindings(doc: ConfigDoc, skipBom: boolean): RawFinding[] {
  const repaired = repairFindings(doc);
  if (!doc.syntaxErrors.length) return repaired;
  const brackets = bracketProblem(doc);
  const out: RawFinding[] = brackets ? [...repaired, brackets.finding] : repaired;
  const lines = new Set<number>(brackets ? [brackets.finding.range.start.line] : []);
  const merged = new Set(doc.repairs.map((r) => commaAfter(doc, r.parsedAt)));
  for (const e of doc.syntaxErrors) {
    if (merged.has(e)) continue;
    if (skipBom && e.offset === 0 && e.error === 'InvalidSymbol') continue;
    if (brackets && (e.offset >= brackets.cutoff || e.error === 'CloseBraceExpected' || e.error === 'CloseBracketExpected')) continue;
    const line = doc.doc.positionAt(e.offset).line;
    if (lines.has(line)) continue; // the rest of a line's errors are its cascade
    lines.add(line);
    const [en, zh] = ERROR_TEXT[e.error] ?? [e.error, e.error];
    out.push((e.error === 'InvalidSymbol' && unquotedKey(doc, e.offset, e.length)) || (e.error === 'CommaExpected' && missingComma(doc, e.offset)) || {
      code: 'MA100', file: doc.file, range: doc.rangeOf(e.offset, Math.max(e.length, e.offset < doc.text.length ? 1 : 0)),
      message: L(`Invalid JSON: ${en}. ModelArts rejects a config.json it cannot parse.`, `JSON 无效：${zh}。ModelArts 会拒绝无法解析的 config.json。`),
    });
  }
  return out;
}
