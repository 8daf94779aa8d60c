// Reads where Python and JavaScript entry files start their HTTP server: host and port of app.run(),
// uvicorn.run(), web.run_app(), HTTPServer((host, port)), make_server(), waitress serve(), tornado and node
// listen(). Values are resolved through module-level constants and os.environ / process.env with defaults;
// anything else is "unknown" and the rules stay silent. Regex over the text (bounded, no nested quantifiers).

/**
 * A value read from code: the expression's span, and `lit`, the span of the literal characters that produced it
 * (inside the quotes of a string, the digits of a number; possibly on a constant's line), when the value is
 * written in this file. A fix rewrites `lit` only, so a string stays a string and a number a number.
 */
interface CodeVal { value: string; start: number; end: number; lit?: { start: number; end: number } }
export interface CodeListen {
  server: string;
  /** undefined: the call does not set it (the server's default applies); null: set but not readable. */
  host: CodeVal | null | undefined;
  port: CodeVal | null | undefined;
  defaultHost: string;
  defaultPort: string;
  start: number;
  end: number;
}

type Env = ReadonlyMap<string, string>;
const cache = new Map<string, CodeListen[]>();

export function pythonListens(text: string, env: Env): CodeListen[] {
  return cached('py', text, env, () => scan(text, env, 'py'));
}

export function nodeListens(text: string, env: Env): CodeListen[] {
  return cached('js', text, env, () => scan(text, env, 'js'));
}

function cached(kind: string, text: string, env: Env, f: () => CodeListen[]): CodeListen[] {
  const key = kind + '\0' + [...env].filter(([k]) => /PORT|HOST/i.test(k)).join(';') + '\0' + text;
  let hit = cache.get(key);
  if (!hit) {
    if (cache.size > 200) cache.clear();
    hit = f();
    cache.set(key, hit);
  }
  return hit;
}

interface Spec { re: RegExp; server: string; host: [string, number]; port: [string, number]; dh: string; dp: string; tuple?: boolean; when?: RegExp }

const PY: Spec[] = [
  { re: /\buvicorn\.run\(/g, server: 'uvicorn', host: ['host', 1], port: ['port', 2], dh: '127.0.0.1', dp: '8000' },
  { re: /\bweb\.run_app\(/g, server: 'aiohttp', host: ['host', 1], port: ['port', 2], dh: '0.0.0.0', dp: '8080' },
  { re: /\b(?:socketio|sio)\.run\(/g, server: 'flask-socketio', host: ['host', 1], port: ['port', 2], dh: '127.0.0.1', dp: '5000' },
  { re: /\b(?:waitress\.)?serve\(/g, server: 'waitress', host: ['host', 99], port: ['port', 99], dh: '0.0.0.0', dp: '8080', when: /\bwaitress\b/ },
  { re: /\bmake_server\(/g, server: 'wsgiref', host: ['host', 0], port: ['port', 1], dh: '', dp: '' },
  { re: /\b(?:Threading)?(?:HTTP|TCP)Server\(\s*\(/g, server: 'http.server', host: ['', 0], port: ['', 1], dh: '', dp: '', tuple: true },
  {
    re: /\b(?!uvicorn\b|asyncio\b|subprocess\b|socketio\b|sio\b)[A-Za-z_]\w*\.run\(/g,
    server: 'flask', host: ['host', 0], port: ['port', 1], dh: '127.0.0.1', dp: '5000', when: /\bflask\b/i,
  },
  { re: /\.listen\(/g, server: 'tornado', host: ['address', 1], port: ['port', 0], dh: '0.0.0.0', dp: '', when: /\btornado\b/ },
];
const JS: Spec[] = [
  { re: /\.listen\(/g, server: 'node', host: ['', 1], port: ['', 0], dh: '0.0.0.0', dp: '' },
];

function scan(text: string, env: Env, lang: 'py' | 'js'): CodeListen[] {
  const consts = lang === 'py' ? pyConsts(text) : jsConsts(text);
  const out: CodeListen[] = [];
  for (const s of lang === 'py' ? PY : JS) {
    if (s.when && !s.when.test(text)) continue;
    // `x.run()` is Flask's only when x was made by Flask(...) in this file (not an ONNX session or an event loop).
    const flaskApps = s.server === 'flask' ? new Set([...text.matchAll(/\b(\w+)\s*=\s*(?:flask\.)?Flask\(/g)].map((x) => x[1])) : undefined;
    s.re.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = s.re.exec(text))) {
      if (flaskApps && !flaskApps.has(m[0].slice(0, m[0].indexOf('.')))) continue;
      const open = m.index + m[0].length - 1;
      const args = splitArgs(text, open);
      if (!args) continue;
      const pick = (kw: string, pos: number): { text: string; start: number } | undefined => {
        if (kw) {
          for (const a of args) {
            const k = /^\s*(\w+)\s*=\s*/.exec(a.text);
            if (k && k[1] === kw) return { text: a.text.slice(k[0].length), start: a.start + k[0].length };
          }
        }
        const positional = args.filter((a) => !/^\s*\w+\s*=[^=]/.test(a.text));
        return positional[pos];
      };
      const h = pick(s.host[0], s.host[1]);
      const p = pick(s.port[0], s.port[1]);
      const ev = (a: { text: string; start: number } | undefined, isHost: boolean): CodeVal | null | undefined => {
        if (!a) return undefined;
        const lead = a.text.length - a.text.trimStart().length;
        const t = a.text.trim();
        if (isHost && lang === 'js' && /^(function|\(|async|\w+\s*=>)/.test(t)) return undefined; // a callback, not a host
        const start = a.start + lead;
        const v = evalAt(text, start, start + t.length, consts, env, lang);
        return v === undefined ? null : { value: v.value, start, end: start + t.length, lit: v.lit };
      };
      let host = ev(h, true), port = ev(p, false);
      // `**options` / `...options` may set host and port: what the call does not spell out is unknown, not default.
      if (args.some((a) => /^\s*(\*\*|\.\.\.)/.test(a.text))) { host ??= null; port ??= null; }
      const listen = s.server === 'waitress' ? pick('listen', 99) : undefined;
      if (listen) [host, port] = waitressListen(ev(listen, false));
      out.push({ server: s.server, host, port, defaultHost: s.dh, defaultPort: s.dp, start: m.index, end: open });
    }
  }
  return out;
}

/** waitress `listen="host:port"` (`*` = every interface); anything not readable leaves both unknown. */
function waitressListen(v: CodeVal | null | undefined): [CodeVal | null, CodeVal | null] {
  const m = v ? /^(.*):(\d+)$/.exec(v.value) : null;
  if (!v || !m) return [null, null];
  const lit = (from: number, to: number) => (v.lit ? { start: v.lit.start + from, end: v.lit.start + to } : undefined);
  const n = m[1].length;
  return [
    { value: m[1] === '*' ? '0.0.0.0' : m[1], start: v.start, end: v.end, lit: lit(0, n) },
    { value: m[2], start: v.start, end: v.end, lit: lit(n + 1, n + 1 + m[2].length) },
  ];
}

/** Top-level comma-separated arguments of the call whose `(` is at `open`; undefined when unbalanced. */
function splitArgs(text: string, open: number): { text: string; start: number }[] | undefined {
  const args: { text: string; start: number }[] = [];
  let depth = 0, s = open + 1;
  const limit = Math.min(text.length, open + 2000);
  for (let i = open; i < limit; i++) {
    const c = text[i];
    if (c === '"' || c === "'" || c === '`') { const e = text.indexOf(c, i + 1); if (e < 0) return undefined; i = e; continue; }
    if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) { if (text.slice(s, i).trim()) args.push({ text: text.slice(s, i), start: s }); return args; }
    } else if (c === ',' && depth === 1) { args.push({ text: text.slice(s, i), start: s }); s = i + 1; }
  }
  return undefined;
}

/** Module-level constants: name -> span of the value expression in the text. */
type Consts = Map<string, { start: number; end: number }>;

function constsOf(text: string, re: RegExp): Consts {
  const m: Consts = new Map();
  for (const x of text.matchAll(re)) {
    const v = x[2].trimEnd();
    const start = x.index! + x[0].length - x[2].length;
    m.set(x[1], { start, end: start + v.length });
  }
  return m;
}
const pyConsts = (text: string): Consts => constsOf(text, /^([A-Za-z_]\w*)[ \t]*=[ \t]*([^#\n]+)/gm);
const jsConsts = (text: string): Consts => constsOf(text, /\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)[ \t]*=[ \t]*([^;\n]+)/g);

interface Evaluated { value: string; lit?: { start: number; end: number } }

/**
 * Value of the small expression text[start, end): a literal, an env lookup with a default, a known constant, or
 * int()/str() of one; undefined otherwise. `lit` is where a literal spelled the value (absent when it came from
 * the environment).
 */
function evalAt(text: string, start: number, end: number, consts: Consts, env: Env, lang: 'py' | 'js', depth = 0): Evaluated | undefined {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  const t = text.slice(start, end);
  if (depth > 4 || !t) return undefined;
  const inner = (re: RegExp): Evaluated | undefined => {
    const m = re.exec(t);
    if (!m || m.index !== 0 || m.indices === undefined) return undefined;
    const [s, e] = m.indices[m.length - 1]!;
    return evalAt(text, start + s, start + e, consts, env, lang, depth + 1);
  };
  let m: RegExpExecArray | null;
  if ((m = /^(['"])([^'"\\]*)\1$/.exec(t))) return { value: m[2], lit: { start: start + 1, end: end - 1 } };
  if (/^\d+$/.test(t)) return { value: t, lit: { start, end } };
  if (/^(?:int|str|parseInt|Number|String)\(.*\)$/s.test(t)) return inner(/^(?:int|str|parseInt|Number|String)\((.*?)(?:,\s*10\s*)?\)$/ds);
  if (lang === 'py') {
    if ((m = /^os\.(?:environ\.get|getenv)\(\s*['"](\w+)['"]\s*(?:,\s*(.+))?\)$/s.exec(t))) {
      const v = env.get(m[1]);
      if (v !== undefined) return { value: v };
      return m[2] !== undefined ? inner(/^os\.(?:environ\.get|getenv)\(\s*['"]\w+['"]\s*,\s*(.+)\)$/ds) : undefined;
    }
    if ((m = /^os\.environ\[\s*['"](\w+)['"]\s*\]$/.exec(t))) return env.has(m[1]) ? { value: env.get(m[1])! } : undefined;
  } else {
    if ((m = /^process\.env\.(\w+)\s*(?:\|\||\?\?)\s*(.+)$/s.exec(t))) {
      const v = env.get(m[1]);
      return v !== undefined ? { value: v } : inner(/^process\.env\.\w+\s*(?:\|\||\?\?)\s*(.+)$/ds);
    }
    if ((m = /^process\.env\.(\w+)$/.exec(t))) return env.has(m[1]) ? { value: env.get(m[1])! } : undefined;
  }
  const c = /^[A-Za-z_$][\w$]*$/.test(t) ? consts.get(t) : undefined;
  return c ? evalAt(text, c.start, c.end, consts, env, lang, depth + 1) : undefined;
}
