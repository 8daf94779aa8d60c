// Reads where Python and JavaScript entry files start their HTTP server: host and port of app.run(),
// uvicorn.run(), web.run_app(), HTTPServer((host, port)), make_server(), waitress serve(), tornado and node
// listen(). Values are resolved through module-level constants and os.environ / process.env with defaults;
// anything else is "unknown" and the rules stay silent. Regex over the text (bounded, no nested quantifiers).

export interface CodeVal { value: string; start: number; end: number }
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
  { re: /\b(?!uvicorn\b|asyncio\b|subprocess\b|web\b|socketio\b|sio\b)[A-Za-z_]\w*\.run\(/g, server: 'flask', host: ['host', 0], port: ['port', 1], dh: '127.0.0.1', dp: '5000', when: /\bflask\b/i },
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
        if (kw) for (const a of args) { const k = /^\s*(\w+)\s*=\s*/.exec(a.text); if (k && k[1] === kw) return { text: a.text.slice(k[0].length), start: a.start + k[0].length }; }
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
        const v = evalExpr(t, consts, env, lang);
        return v === undefined ? null : { value: v, start: a.start + lead, end: a.start + lead + t.length };
      };
      out.push({ server: s.server, host: ev(h, true), port: ev(p, false), defaultHost: s.dh, defaultPort: s.dp, start: m.index, end: open });
    }
  }
  return out;
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

function pyConsts(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const x of text.matchAll(/^([A-Za-z_]\w*)\s*=\s*(.+?)\s*(?:#.*)?$/gm)) m.set(x[1], x[2]);
  return m;
}
function jsConsts(text: string): Map<string, string> {
  const m = new Map<string, string>();
  for (const x of text.matchAll(/\b(?:const|let|var)\s+([A-Za-z_$][\w$]*)\s*=\s*([^;\n]+)/g)) m.set(x[1], x[2].trim());
  return m;
}

/** Value of a small expression, or undefined when it is not a literal / env lookup / known constant. */
export function evalExpr(t: string, consts: Map<string, string>, env: Env, lang: 'py' | 'js', depth = 0): string | undefined {
  t = t.trim();
  if (depth > 4 || !t) return undefined;
  let m: RegExpExecArray | null;
  if ((m = /^(['"])([^'"\\]*)\1$/.exec(t))) return m[2];
  if (/^\d+$/.test(t)) return t;
  if ((m = /^(?:int|str|parseInt|Number|String)\((.*)\)$/s.exec(t))) return evalExpr(m[1].replace(/,\s*10\s*$/, ''), consts, env, lang, depth + 1);
  if (lang === 'py') {
    if ((m = /^os\.(?:environ\.get|getenv)\(\s*['"](\w+)['"]\s*(?:,\s*(.+))?\)$/s.exec(t))) return env.get(m[1]) ?? (m[2] !== undefined ? evalExpr(m[2], consts, env, lang, depth + 1) : undefined);
    if ((m = /^os\.environ\[\s*['"](\w+)['"]\s*\]$/.exec(t))) return env.get(m[1]);
  } else {
    if ((m = /^process\.env\.(\w+)\s*(?:\|\||\?\?)\s*(.+)$/s.exec(t))) return env.get(m[1]) ?? evalExpr(m[2], consts, env, lang, depth + 1);
    if ((m = /^process\.env\.(\w+)$/.exec(t))) return env.get(m[1]);
  }
  if (/^[A-Za-z_$][\w$]*$/.test(t) && consts.has(t)) return evalExpr(consts.get(t)!, consts, env, lang, depth + 1);
  return undefined;
}
