// Shell syntax check with mvdan/sh (the parser behind shfmt), through its GopherJS build `mvdan-sh`: synchronous,
// pure JS, one parser per dialect reused for every script. Chosen over the WASM build `sh-syntax`, whose API is
// async only and whose TinyGo instance cannot be reused (it runs out of memory after a few hundred parses, so it
// instantiates a fresh module for every call, ~2 ms each). Results are cached per dialect and text: while the user
// types, only the instruction being edited is parsed again.
import type { Localized } from '../types';
import { L } from '../i18n';

export type Dialect = 'bash' | 'mksh';

export interface ShellSyntaxError {
  /** UTF-16 offset in the parsed text. */
  offset: number;
  /** The parser's own text, e.g. `&& can only immediately follow a statement`. */
  text: string;
  /** The parser reached the end of the text (an unclosed quote, `if` without `fi`...). */
  incomplete: boolean;
}

interface GoPos { Offset(): number }
interface GoParseError { Pos?: GoPos; Text?: string; Incomplete?: boolean }
interface GoParser { Parse(src: string, name: string): unknown }
interface GoSyntax {
  NewParser(...opts: unknown[]): GoParser;
  KeepComments(on: boolean): unknown;
  Variant(v: unknown): unknown;
  LangBash: unknown;
  LangMirBSDKorn: unknown;
}

let syntax: GoSyntax | undefined;
const parsers = new Map<Dialect, GoParser>();
const caches = new Map<Dialect, Map<string, ShellSyntaxError | null>>();
const CACHE_MAX = 5000;

function parserFor(d: Dialect): GoParser {
  let p = parsers.get(d);
  if (!p) {
    // Loaded on first use: the module takes ~50 ms to initialise, which a check without shell text never pays.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    syntax ??= (require('mvdan-sh') as { syntax: GoSyntax }).syntax;
    p = syntax.NewParser(syntax.KeepComments(false), syntax.Variant(d === 'mksh' ? syntax.LangMirBSDKorn : syntax.LangBash));
    parsers.set(d, p);
  }
  return p;
}

/** The first syntax error of a script, or undefined when it parses. */
export function shellSyntaxError(text: string, dialect: Dialect = 'bash'): ShellSyntaxError | undefined {
  let cache = caches.get(dialect);
  if (!cache) caches.set(dialect, (cache = new Map()));
  const hit = cache.get(text);
  if (hit !== undefined) return hit ?? undefined;
  const res = parse(text, dialect);
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(text, res ?? null);
  return res;
}

function parse(text: string, dialect: Dialect): ShellSyntaxError | undefined {
  try {
    parserFor(dialect).Parse(text, '');
    return undefined;
  } catch (e) {
    const pe = e as GoParseError;
    // Anything but a parse error (an internal fault of the parser) says nothing about the script: no finding.
    if (!pe || typeof pe.Pos?.Offset !== 'function' || typeof pe.Text !== 'string') return undefined;
    return { offset: utf16Offset(text, pe.Pos.Offset()), text: pe.Text, incomplete: !!pe.Incomplete };
  }
}

/** Go counts UTF-8 bytes; the editor counts UTF-16 units. */
function utf16Offset(text: string, bytes: number): number {
  // eslint-disable-next-line no-control-regex
  if (/^[\x00-\x7f]*$/.test(text)) return Math.min(bytes, text.length);
  return Math.min(Buffer.from(text, 'utf8').subarray(0, bytes).toString('utf8').length, text.length);
}

const code = (s: string) => '`' + s + '`';

/** The parser's message, said for a person (en + zh). */
export function readable(text: string): Localized {
  let m: RegExpExecArray | null;
  if ((m = /^(&&|\|\||\|&?|;;?&?|&) can only immediately follow a statement$/.exec(text))) {
    return L(`${code(m[1])} has no command before it (as in \`then &&\`)`, `${code(m[1])} 前面没有命令（例如 \`then &&\`）`);
  }
  if ((m = /^(&&|\|\||\|&?|;|&|!) must be followed by a statement$/.exec(text))) {
    return L(`${code(m[1])} has no command after it`, `${code(m[1])} 后面没有命令`);
  }
  if ((m = /^reached EOF without closing quote (.+)$/.exec(text))) {
    return L(`the quote ${code(m[1])} is never closed`, `引号 ${code(m[1])} 没有闭合`);
  }
  if ((m = /^reached EOF without matching (\S+) with (\S+)$/.exec(text))) {
    return L(`${code(m[1])} is never closed with ${code(m[2])}`, `${code(m[1])} 缺少与之配对的 ${code(m[2])}`);
  }
  if ((m = /^(\w+) statement must end with "(\w+)"$/.exec(text))) {
    return L(`this ${code(m[1])} has no closing ${code(m[2])}`, `此处的 ${code(m[1])} 缺少结尾的 ${code(m[2])}`);
  }
  if ((m = /^"(for|select) foo \[in words\]" must be followed by "do"$/.exec(text))) {
    return L(`this ${code(m[1])} has no ${code('do')} before its commands`, `此处的 ${code(m[1])} 在循环体前缺少 ${code('do')}`);
  }
  if ((m = /^"(.+?)" must be followed by "(\w+)"$/.exec(text))) {
    return L(`${code(m[1])} must be followed by ${code(m[2])}`, `${code(m[1])} 后面必须跟 ${code(m[2])}`);
  }
  if (/^"done" can only be used to end a loop$/.test(text)) {
    return L(`this ${code('done')} ends no loop (is the ${code('do')} of a ${code('while')} or ${code('for')} missing?)`,
      `此处的 ${code('done')} 没有可结束的循环（是否缺少 ${code('while')} 或 ${code('for')} 的 ${code('do')}？）`);
  }
  if ((m = /^"(\w+)" can only be used to end an? (\w+)$/.exec(text))) {
    return L(`this ${code(m[1])} closes no ${code(m[2])}`, `此处的 ${code(m[1])} 没有可结束的 ${code(m[2])}`);
  }
  if ((m = /^"(\w+)" must be followed by (.+)$/.exec(text))) {
    return L(`${code(m[1])} has no commands after it`, `${code(m[1])} 后面没有命令`);
  }
  if ((m = /^unclosed here-document '(.+)'$/.exec(text))) {
    return L(`the here-document ${code('<<' + m[1])} has no closing line ${code(m[1])}`, `here-document ${code('<<' + m[1])} 缺少结束行 ${code(m[1])}`);
  }
  return L(text, `Shell 语法错误：${text}`);
}
