// Routes served by the code in a build context: Flask, FastAPI/Starlette, aiohttp, Tornado, http.server handlers,
// Express (and Koa/Fastify routers with the same call shape), node http.createServer, Spring annotations.
// Best effort, and honest about it: `confident` is false whenever a prefix, mount or framework we do not read
// could change what is served, so the cross-file rules can stay silent instead of guessing.
import * as path from 'node:path';
import type { BuildContext } from './context';

export interface Route {
  /** Path pattern as written in the code. */
  path: string;
  /** Upper-case methods; undefined = any method. */
  methods?: string[];
  file: string;
  start: number;
  end: number;
  text: string;
  /** Matches every path (a handler that never looks at the path). */
  any?: boolean;
  /** Tornado routes are regular expressions. */
  regex?: boolean;
}

export interface RouteSet { routes: Route[]; confident: boolean; frameworks: string[] }

const CODE = /\.(py|js|mjs|cjs|ts|java|kt)$/;
const MAX_FILES = 400;
const MAX_BYTES = 1024 * 1024;
type FileScan = { routes: Omit<Route, 'file' | 'text'>[]; uncertain: boolean; fw: string[] };
/** The last scan of each file, by its absolute path: re-scanned when its text changed (no key built from the text). */
const cache = new Map<string, { text: string; r: FileScan }>();

export function routesIn(bc: BuildContext): RouteSet {
  const l = bc.list();
  const files = l.files.filter((f) => CODE.test(f) && !bc.isIgnored(f) && !/(^|\/)(tests?|node_modules|site-packages)\//.test(f));
  const out: RouteSet = { routes: [], confident: l.complete && files.length <= MAX_FILES, frameworks: [] };
  for (const rel of files.slice(0, MAX_FILES)) {
    const text = bc.read(rel);
    if (text === undefined || text.length > MAX_BYTES) continue;
    const file = path.join(bc.dir, rel);
    const hit = cache.get(file);
    let r = hit?.text === text ? hit.r : undefined;
    if (!r) {
      if (cache.size > 500) cache.clear();
      r = scanFile(rel, text);
      cache.set(file, { text, r });
    }
    for (const x of r.routes) out.routes.push({ ...x, file, text });
    if (r.uncertain) out.confident = false;
    for (const f of r.fw) if (!out.frameworks.includes(f)) out.frameworks.push(f);
  }
  if (!out.frameworks.length) out.confident = false;
  return out;
}

/** A quoted path literal; `n` is the number of its quote group in the whole pattern (for the back-reference). */
const q = (n: number) => `(['"\`])((?:/|\\^/)[^'"\`]*)\\${n}`;
const METHOD_LIST = /methods\s*=\s*[[({]([^\])}]*)[\])}]/;
const listMethods = (s: string | undefined): string[] | undefined => {
  const m = s ? METHOD_LIST.exec(s) : null;
  return m ? [...m[1].matchAll(/['"](\w+)['"]/g)].map((x) => x[1].toUpperCase()) : undefined;
};

type FileRoute = Omit<Route, 'file' | 'text'>;
/** What the scan of one file found so far. */
interface Scan {
  routes: FileRoute[];
  uncertain: boolean;
  fw: string[];
  add(p: string, at: number, methods?: string[], extra?: Partial<Route>): void;
}

function scanFile(rel: string, text: string): { routes: FileRoute[]; uncertain: boolean; fw: string[] } {
  const routes: FileRoute[] = [];
  const sc: Scan = {
    routes, uncertain: false, fw: [],
    add: (p, at, methods, extra = {}) => void routes.push({ path: p, methods, start: at, end: at + p.length, ...extra }),
  };
  const ext = path.extname(rel);
  if (ext === '.py') scanPython(text, sc);
  else if (ext === '.java' || ext === '.kt') scanSpring(text, sc);
  else scanNode(text, sc);
  return { routes, uncertain: sc.uncertain, fw: sc.fw };
}

const PY_DECORATOR = new RegExp(`@\\s*\\w+(?:\\.\\w+)*\\.(route|api_route|get|post|put|delete|patch|head|options)\\(\\s*${q(2)}([^)]{0,400})`, 'g');
const PY_ADD_ROUTE = new RegExp(
  `\\.(add_url_rule|add_api_route|add_route|add_get|add_post|add_put|add_delete|add_patch)\\(\\s*(?:['"](\\w+)['"]\\s*,\\s*)?${q(3)}([^)]{0,400})`, 'g');
const PY_AIOHTTP = new RegExp(`\\bweb\\.(get|post|put|delete|patch|view|route)\\(\\s*(?:['"](\\w+)['"]\\s*,\\s*)?${q(3)}`, 'g');
const PY_STARLETTE = new RegExp(`\\b(?:Route|WebSocketRoute)\\(\\s*${q(1)}([^)]{0,400})`, 'g');

function scanPython(text: string, sc: Scan): void {
  const { add, fw } = sc;
  const flask = /\bfrom\s+flask\b|\bimport\s+flask\b/.test(text), fast = /\bfastapi\b|\bstarlette\b/.test(text);
  const aio = /\baiohttp\b/.test(text), tornado = /\btornado\b/.test(text), httpserver = /BaseHTTPRequestHandler|SimpleHTTPRequestHandler/.test(text);
  if (/\b(django|falcon|sanic|bottle|cherrypy|pyramid|grpc|quart|litestar)\b/.test(text)) { sc.uncertain = true; fw.push('other'); }
  if (flask) fw.push('flask');
  if (fast) fw.push('fastapi');
  if (aio) fw.push('aiohttp');
  if (tornado) fw.push('tornado');
  if (httpserver) fw.push('http.server');
  // Blueprint / APIRouter prefixes, mounts and sub-apps change paths: only plain registrations are read.
  if (/url_prefix\s*=|include_router\([^)]*prefix\s*=|APIRouter\([^)]*prefix\s*=|\.mount\(|add_subapp\(|DispatcherMiddleware/.test(text)) sc.uncertain = true;
  if (flask || fast || aio) {
    for (const m of text.matchAll(PY_DECORATOR)) {
      const verb = m[1];
      const methods = verb === 'route' || verb === 'api_route'
        ? listMethods(m[4]) ?? (verb === 'route' && flask ? ['GET'] : verb === 'api_route' ? ['GET'] : undefined)
        : [verb.toUpperCase()];
      add(m[3], m.index! + m[0].indexOf(m[3], m[0].indexOf('(')), methods);
    }
    for (const m of text.matchAll(PY_ADD_ROUTE)) {
      const verb = m[1];
      const methods = verb.startsWith('add_') && verb !== 'add_url_rule' && verb !== 'add_api_route' && verb !== 'add_route' ? [verb.slice(4).toUpperCase()]
        : m[2] ? (m[2] === '*' ? undefined : [m[2].toUpperCase()]) : listMethods(m[5]) ?? (verb === 'add_route' ? undefined : ['GET']);
      add(m[4], m.index! + m[0].indexOf(m[4]), methods);
    }
    for (const m of text.matchAll(PY_AIOHTTP)) {
      const methods = m[1] === 'route' ? (m[2] && m[2] !== '*' ? [m[2].toUpperCase()] : undefined) : m[1] === 'view' ? undefined : [m[1].toUpperCase()];
      add(m[4], m.index! + m[0].indexOf(m[4]), methods);
    }
    for (const m of text.matchAll(PY_STARLETTE)) add(m[2], m.index! + m[0].indexOf(m[2]), listMethods(m[3]));
  }
  if (tornado) {
    for (const m of text.matchAll(/\(\s*r?(['"])(\^?\/[^'"]*)\1\s*,\s*[A-Z]\w*/g)) add(m[2], m.index! + m[0].indexOf(m[2]), undefined, { regex: true });
  }
  if (httpserver) { const h = httpHandlers(text); sc.routes.push(...h.routes); if (h.uncertain) sc.uncertain = true; }
}

function scanSpring(text: string, sc: Scan): void {
  if (!/@(Get|Post|Put|Delete|Patch|Request)Mapping\b/.test(text)) return;
  sc.fw.push('spring');
  const cls = /@RequestMapping\s*\(([^)]*)\)\s*(?:@\w+(?:\([^)]*\))?\s*)*(?:public\s+|open\s+|final\s+|abstract\s+)*class\b/.exec(text);
  const prefix = cls ? (/"([^"]*)"/.exec(cls[1])?.[1] ?? '') : '';
  for (const m of text.matchAll(/@(Get|Post|Put|Delete|Patch|Request)Mapping\b(?:\s*\(([^)]*)\))?/g)) {
    if (cls && m.index === cls.index) continue;
    const args = m[2] ?? '';
    const paths = [...args.matchAll(/"([^"]*)"/g)].filter((x) => !/method\s*=\s*$/.test(args.slice(0, x.index)));
    const methods = m[1] === 'Request' ? ([...args.matchAll(/RequestMethod\.(\w+)/g)].map((x) => x[1]) || undefined) : [m[1].toUpperCase()];
    for (const p of paths.length ? paths.map((x) => x[1]) : ['']) {
      const full = ('/' + prefix + '/' + p).replace(/\/{2,}/g, '/').replace(/(.)\/$/, '$1');
      sc.add(full, m.index!, methods?.length ? methods : undefined);
    }
  }
}

const JS_ROUTE = new RegExp(`\\b\\w+\\.(get|post|put|delete|patch|all|head|options)\\(\\s*${q(2)}`, 'g');

function scanNode(text: string, sc: Scan): void {
  const { add } = sc;
  const express = /\b(express|fastify|koa-router|@koa\/router|Router\(\))/.test(text);
  const raw = /\bcreateServer\s*\(/.test(text);
  if (/\b(nestjs|hapi|restify)\b/.test(text)) { sc.uncertain = true; sc.fw.push('other'); }
  if (express) {
    sc.fw.push('express');
    for (const m of text.matchAll(JS_ROUTE)) add(m[3], m.index! + m[0].indexOf(m[3]), m[1] === 'all' ? undefined : [m[1].toUpperCase()]);
    if (/\.use\(\s*['"`]\//.test(text) || /\.route\(/.test(text)) sc.uncertain = true;
  } else if (raw) {
    sc.fw.push('node-http');
    const lits = [...text.matchAll(/\breq\.url\s*===?\s*(['"`])(\/[^'"`]*)\1|(['"`])(\/[^'"`]*)\3\s*===?\s*req\.url/g)];
    if (!/\breq\.url\b|\brequest\.url\b/.test(text)) add('/', 0, undefined, { any: true });
    else if (lits.length) for (const m of lits) { const p = m[2] ?? m[4]; add(p, m.index! + m[0].indexOf(p)); }
    else sc.uncertain = true;
  }
}

/** http.server: each do_METHOD either ignores the path (serves every path) or compares it with literals. */
function httpHandlers(text: string): { routes: Omit<Route, 'file' | 'text'>[]; uncertain: boolean } {
  const routes: Omit<Route, 'file' | 'text'>[] = [];
  let uncertain = false;
  const defs = [...text.matchAll(/^([ \t]*)def\s+(\w+)\s*\(/gm)];
  defs.forEach((d, i) => {
    const m = /^do_([A-Z]+)$/.exec(d[2]);
    if (!m) return;
    const bodyEnd = defs.slice(i + 1).find((x) => x[1].length <= d[1].length)?.index ?? text.length;
    const body = text.slice(d.index!, bodyEnd);
    const method = m[1];
    if (!/\bpath\b/.test(body)) {
      // Another method of the class may route on self.path (the handler calls it): then we cannot tell.
      if (/self\.path/.test(text.replace(body, ''))) uncertain = true;
      else routes.push({ path: '/', methods: [method], start: d.index!, end: d.index! + d[0].length, any: true });
      return;
    }
    const lits = [...body.matchAll(/(?:==|!=|\bin\b|startswith\()\s*[([]?\s*((?:(['"])\/[^'"]*\2\s*,?\s*)+)/g)];
    if (!lits.length) { uncertain = true; return; }
    for (const l of lits) {
      const prefix = /startswith\($/.test(l[0].slice(0, l[0].indexOf(l[1])).trim());
      for (const s of l[1].matchAll(/(['"])(\/[^'"]*)\1/g)) {
        const at = d.index! + l.index! + l[0].indexOf(l[1]) + s.index! + 1;
        routes.push({ path: prefix ? s[2] + '*' : s[2], methods: [method], start: at, end: at + s[2].length });
      }
    }
  });
  return { routes, uncertain };
}

/** True when `url` (from config.json) is served by the route for `method` (undefined = any). */
export function serves(r: Route, url: string, method: string | undefined): boolean {
  if (method && r.methods && !r.methods.includes(method.toUpperCase()) && !(method.toUpperCase() === 'HEAD' && r.methods.includes('GET'))) return false;
  if (r.any) return true;
  return pathMatches(r, url);
}

export function pathMatches(r: Route, url: string): boolean {
  const u = url.split('?')[0].replace(/\/+$/, '') || '/';
  if (r.regex) {
    try {
      const re = new RegExp('^(?:' + r.path.replace(/^\^/, '').replace(/\$$/, '') + ')$');
      return re.test(u) || re.test(u + '/');
    } catch { return true; }
  }
  const p = r.path.replace(/\/+$/, '') || '/';
  let re = '';
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    const rest = p.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^<(?:(path|any):)?[^>]*>/.exec(rest))) { re += m[1] ? '.+' : '[^/]+'; i += m[0].length - 1; }
    else if ((m = /^\{[^}:]*(:path)?[^}]*\}/.exec(rest))) { re += m[1] ? '.+' : '[^/]+'; i += m[0].length - 1; }
    else if ((m = /^:\w+\??/.exec(rest)) && p[i - 1] === '/') {
      // Express `:param?` is optional, together with its slash.
      re = m[0].endsWith('?') ? re.slice(0, -1) + '(?:/[^/]+)?' : re + '[^/]+';
      i += m[0].length - 1;
    }
    else if (c === '*') re += '.*';
    else re += c.replace(/[.+?^$()|[\]\\{}]/g, '\\$&');
  }
  return new RegExp('^' + re + '$').test(u);
}
