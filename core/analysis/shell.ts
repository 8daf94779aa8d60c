// A small POSIX-shell reader: enough to split a command line or an entry script into simple commands with words,
// redirects and background flags, keeping source offsets. One linear pass. Kept by hand although the project now
// ships a real shell parser (mvdan-sh, for the MA213 syntax check in shsyntax.ts): that parser is ~30x slower on
// the same text (a typical RUN: 12 us here, ~390 us there; a 1,200-line script: 0.7 ms vs 18 ms), its GopherJS
// syntax tree is slow to walk, and this reader is run on every RUN, CMD and entry script of every check, so
// replacing it would make the Dockerfile checks slower. shell-quote drops positions and redirections.

export interface Word {
  /** The value with quotes removed (variables left as written). */
  value: string;
  start: number;
  end: number;
  /** True when any part of the word was quoted. */
  quoted: boolean;
}

interface Redirect {
  /** Operator as written: `>`, `>>`, `2>`, `&>`, `2>&1`, `<` ... */
  op: string;
  /** Target word (a file), absent for fd duplications like `2>&1`. */
  target?: Word;
  start: number;
  end: number;
}

export interface SimpleCommand {
  /** Leading `NAME=value` words. */
  assignments: Word[];
  words: Word[];
  redirects: Redirect[];
  /** Ends with `&`. */
  background: boolean;
  /** The command's output is piped into another command. */
  piped: boolean;
  start: number;
  end: number;
}

const KEYWORDS = new Set(['then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', '{', '(']);
const isSpace = (c: string) => c === ' ' || c === '\t' || c === '\r';

/** Splits shell text into simple commands. `base` is added to every offset (the text's place in its file). */
export function parseShell(text: string, base = 0): SimpleCommand[] {
  const out: SimpleCommand[] = [];
  let cur: SimpleCommand | undefined;
  const begin = (at: number): SimpleCommand =>
    (cur ??= { assignments: [], words: [], redirects: [], background: false, piped: false, start: at + base, end: at + base });
  const finish = (bg = false, piped = false) => {
    if (cur && (cur.words.length || cur.assignments.length || cur.redirects.length)) {
      cur.background = bg;
      cur.piped = piped;
      out.push(cur);
    }
    cur = undefined;
  };
  let i = 0;
  const n = text.length;
  let pendingRedirect: Redirect | undefined;
  while (i < n) {
    const c = text[i];
    if (isSpace(c)) { i++; continue; }
    if (c === '\\' && text[i + 1] === '\n') { i += 2; continue; }
    if (c === '\n' || c === ';') { finish(); i++; continue; }
    if (c === '#' ) { while (i < n && text[i] !== '\n') i++; continue; }
    if (c === '&' && text[i + 1] === '&') { finish(); i += 2; continue; }
    if (c === '|' && text[i + 1] === '|') { finish(); i += 2; continue; }
    if (c === '|') { finish(false, true); i += text[i + 1] === '&' ? 2 : 1; continue; }
    if (c === '&' && text[i + 1] !== '>') { finish(true); i++; continue; }
    if (c === ')' || c === '}') { finish(); i++; continue; }
    // Redirection: [n]>, [n]>>, &>, >&n, <, <<
    const redir = /^(\d*|&)(>>|>\||>&|<<-?|<&|>|<)(\d+|-)?/.exec(text.slice(i, i + 8));
    if (redir && (redir[1] !== '' || c === '>' || c === '<')) {
      begin(i);
      const r: Redirect = { op: redir[0], start: i + base, end: i + redir[0].length + base };
      cur!.redirects.push(r);
      i += redir[0].length;
      if (!redir[3] || !redir[2].endsWith('&')) pendingRedirect = r;
      continue;
    }
    const ws = i;
    const { value, quoted, end } = readWord(text, i);
    i = end;
    if (i === ws) { i++; continue; } // a lone operator character we do not model
    const w: Word = { value, start: ws + base, end: i + base, quoted };
    const cmd = begin(ws);
    cmd.end = w.end;
    if (pendingRedirect) {
      pendingRedirect.target = w;
      pendingRedirect.end = w.end;
      pendingRedirect = undefined;
    } else if (!cmd.words.length && /^[A-Za-z_][A-Za-z0-9_]*=/.test(value)) {
      cmd.assignments.push(w);
    } else if (!cmd.words.length && !quoted && KEYWORDS.has(value)) {
      // `if cmd; then cmd` - the keyword is not the command.
    } else {
      cmd.words.push(w);
    }
  }
  finish();
  return out;
}

/** A word from `i`: runs until an unquoted space or operator. `end` is where it stops. */
function readWord(text: string, i: number): { value: string; quoted: boolean; end: number } {
  const n = text.length;
  let value = '';
  let quoted = false;
  while (i < n) {
    const ch = text[i];
    if (isSpace(ch) || ch === '\n' || ch === ';' || ch === '|' || ch === '&' || ch === '<' || ch === '>' || ch === ')') break;
    if (ch === '\\') {
      if (text[i + 1] === '\n') { i += 2; continue; }
      value += text[i + 1] ?? '';
      i += 2;
      continue;
    }
    if (ch === "'") {
      quoted = true;
      const e = text.indexOf("'", i + 1);
      const stop = e < 0 ? n : e;
      value += text.slice(i + 1, stop);
      i = stop + 1;
      continue;
    }
    if (ch === '"') {
      quoted = true;
      const q = readDoubleQuoted(text, i + 1);
      value += q.value;
      i = q.end;
      continue;
    }
    if (ch === '$' && text[i + 1] === '(') {
      // Command substitution: keep it verbatim.
      const e = substitutionEnd(text, i);
      value += text.slice(i, e);
      i = e;
      continue;
    }
    if (ch === '`') {
      const e = text.indexOf('`', i + 1);
      const stop = e < 0 ? n : e + 1;
      value += text.slice(i, stop);
      i = stop;
      continue;
    }
    value += ch;
    i++;
  }
  return { value, quoted, end: i };
}

/** The text of a double-quoted string that starts at `i` (after the quote); `end` is after the closing quote. */
function readDoubleQuoted(text: string, i: number): { value: string; end: number } {
  const n = text.length;
  let value = '';
  while (i < n && text[i] !== '"') {
    if (text[i] === '\\' && i + 1 < n && '"\\$`\n'.includes(text[i + 1])) { if (text[i + 1] !== '\n') value += text[i + 1]; i += 2; continue; }
    value += text[i++];
  }
  return { value, end: i + 1 };
}

/** Where a `$(...)` that starts at `i` ends, balancing parentheses. */
function substitutionEnd(text: string, i: number): number {
  const n = text.length;
  let depth = 0;
  i++;
  do {
    if (text[i] === '(') depth++;
    else if (text[i] === ')') depth--;
    i++;
  } while (i < n && depth > 0);
  return i;
}

/** Strips wrappers that do not change which program serves: exec, nohup, env VAR=x, time, tini --, dumb-init. */
export function unwrap(words: Word[]): { words: Word[]; env: Word[]; nohup: boolean } {
  let i = 0;
  const env: Word[] = [];
  let nohup = false;
  while (i < words.length) {
    const v = words[i].value.replace(/^.*\//, '');
    if (v === 'exec' || v === 'time' || v === 'dumb-init') { i++; continue; }
    if (v === 'gosu' || v === 'su-exec') { i += 2; continue; }
    if (v === 'nohup') { nohup = true; i++; continue; }
    if (v === 'env') {
      i++;
      while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i].value) || words[i].value.startsWith('-'))) {
        if (!words[i].value.startsWith('-')) env.push(words[i]);
        i++;
      }
      continue;
    }
    if (v === 'tini') {
      i++;
      while (i < words.length && words[i].value.startsWith('-')) { const d = words[i].value === '--'; i++; if (d) break; }
      continue;
    }
    break;
  }
  return { words: words.slice(i), env, nohup };
}

/** Expands `$NAME`, `${NAME}`, `${NAME:-default}` / `${NAME-default}`; unknown names stay undefined-marked. */
export function expandVars(s: string, vars: ReadonlyMap<string, string>): { value: string; unresolved: boolean } {
  if (!s.includes('$')) return { value: s, unresolved: false };
  let unresolved = false;
  const ref = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;
  const value = s.replace(ref, (_m, n1: string, op: string | undefined, word: string | undefined, n2: string) => {
    const name = n1 ?? n2;
    const v = vars.get(name);
    if (op === ':-' || op === '-') return v !== undefined && (op === '-' || v !== '') ? v : word ?? '';
    if (op === ':+' || op === '+') return v !== undefined && (op === '+' || v !== '') ? word ?? '' : '';
    if (v === undefined) { unresolved = true; return ''; }
    return v;
  });
  return { value, unresolved };
}
