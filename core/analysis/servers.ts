// Which server a start command runs, and on which host and port: gunicorn, uvicorn, hypercorn, flask run,
// python -m http.server, waitress, python/node entry files (app.run, listen), java -Dserver.port.
// A value we cannot read is left out: the rules only speak about what is certain.
import * as path from 'node:path';
import type { ImageModel } from './image';
import type { Loc, Step } from './entry';
import { resolveInImage, type BuildContext } from './context';
import { pythonListens, nodeListens, type CodeListen } from './code';

export interface Listen {
  server: string;
  host?: string;
  port?: string;
  /** Where the host and port are set, when written somewhere (command word, config or code expression). */
  hostLoc?: Loc;
  portLoc?: Loc;
  /**
   * The characters that spell the value (inside the quotes of a string, the digits of a number), when written
   * literally: a fix replaces exactly these with the bare new value, so quoting and syntax stay as they were.
   */
  hostLit?: Loc;
  portLit?: Loc;
  /** The command (or code call) that starts the server. */
  at: Loc;
  /** Where flags could be added when host/port come from the server's defaults. */
  insertAfter?: Loc;
  /** Flags that set host and port to 0.0.0.0:`to` (the service port) for this server, when they can be added. */
  flags?: (host: boolean, port: boolean, to: number) => string[];
}

const PY = /^python[\d.]*$/;

type Opt = { value: string; loc?: Loc } | undefined;
/** A server program's command line, as the per-program readers below see it. */
interface ServerCmd {
  prog: string;
  args: Step['words'];
  /** The last value given to any of these options (`-b X`, `--bind=X`, `-bX`). */
  opt: (names: string[]) => Opt;
  env: Map<string, string>;
  at: Loc;
  base: { at: Loc; insertAfter: Loc };
  step: Step;
  m: ImageModel;
  bc: BuildContext;
}

export function listensOf(step: Step, m: ImageModel, bc: BuildContext): Listen[] {
  const w = step.words;
  let prog = path.posix.basename(w[0].value);
  let i = 1;
  if (PY.test(prog)) {
    while (i < w.length && w[i].value.startsWith('-') && w[i].value !== '-m') i += /^-[WX]$/.test(w[i].value) ? 2 : 1;
    if (w[i]?.value === '-m' && w[i + 1]) { prog = w[i + 1].value; i += 2; }
    else if (w[i] && /\.py$/.test(w[i].value)) return codeListens(step, w[i].value, 'py', m, bc);
    else return [];
  }
  const args = w.slice(i);
  const at: Loc = { ...w[0].loc, end: w[w.length - 1].loc.end };
  const read = Object.hasOwn(PROGRAMS, prog) ? PROGRAMS[prog] : undefined;
  return read ? read({ prog, args, opt: optionReader(args), env: step.env, at, base: { at, insertAfter: w[0].loc }, step, m, bc }) : [];
}

function optionReader(args: Step['words']): (names: string[]) => Opt {
  return (names) => {
    let found: Opt;
    for (let k = 0; k < args.length; k++) {
      const a = args[k];
      for (const n of names) {
        if (a.value === n && args[k + 1]) found = { value: args[k + 1].value, loc: sub(args[k + 1].loc, args[k + 1].value) };
        else if (n.startsWith('--') && a.value.startsWith(n + '=')) {
          found = { value: a.value.slice(n.length + 1), loc: sub(a.loc, a.value.slice(n.length + 1)) };
        } else if (!n.startsWith('--') && a.value.startsWith(n) && a.value.length > n.length) {
          found = { value: a.value.slice(n.length), loc: sub(a.loc, a.value.slice(n.length)) };
        }
      }
    }
    return found;
  };
}

function gunicornListens({ prog, opt, env, at, base, step, m, bc }: ServerCmd): Listen[] {
  const binds = [opt(['-b', '--bind'])];
  const cmdArgs = env.get('GUNICORN_CMD_ARGS');
  if (!binds[0] && cmdArgs !== undefined) return [];
  if (!binds[0]) {
    const conf = opt(['-c', '--config']);
    const confPath = conf ? conf.value.replace(/^python:.*/, '') : prog === 'gunicorn' ? 'gunicorn.conf.py' : '';
    if (confPath) {
      const r = resolveInImage(m, bc, path.posix.resolve(step.cwd, confPath));
      if (r?.kind === 'file') {
        const b = /^bind\s*=\s*\[?\s*(['"])([^'"]+)\1/m.exec(r.text);
        if (b) {
          const s = b.index + b[0].length - b[2].length - 1;
          return [bindListen(prog, b[2], { file: r.file, start: s, end: s + b[2].length, text: r.text }, { at })];
        }
        if (/^bind\s*=/m.test(r.text)) return [];
      } else if (conf) return [];
    }
    if (prog === 'gunicorn' && env.get('PORT')) return [{ server: prog, host: '0.0.0.0', port: env.get('PORT'), ...base }];
    return [{ server: prog, host: '127.0.0.1', port: '8000', ...base, flags: (_h, _p, to) => ['-b', `0.0.0.0:${to}`] }];
  }
  return [bindListen(prog, binds[0]!.value, binds[0]!.loc, base)];
}

function uvicornListens({ prog, opt, env, base }: ServerCmd): Listen[] {
  if (opt(['--uds', '--fd'])) return [];
  const h = opt(['--host']), p = opt(['--port']);
  return [{
    server: prog, ...base,
    host: h?.value ?? env.get('UVICORN_HOST') ?? '127.0.0.1', ...word('host', h),
    port: p?.value ?? env.get('UVICORN_PORT') ?? '8000', ...word('port', p),
    flags: (fh, fp, to) => [...(fh && !h ? ['--host', '0.0.0.0'] : []), ...(fp && !p ? ['--port', String(to)] : [])],
  }];
}

function flaskListens({ args, opt, env, base }: ServerCmd): Listen[] {
  if (args[0]?.value !== 'run') return [];
  const h = opt(['-h', '--host']), p = opt(['-p', '--port']);
  return [{
    server: 'flask run', ...base, insertAfter: args[0].loc,
    host: h?.value ?? env.get('FLASK_RUN_HOST') ?? '127.0.0.1', ...word('host', h),
    port: p?.value ?? env.get('FLASK_RUN_PORT') ?? '5000', ...word('port', p),
    flags: (fh, fp, to) => [...(fh && !h ? ['--host', '0.0.0.0'] : []), ...(fp && !p ? ['--port', String(to)] : [])],
  }];
}

function httpServerListens({ args, opt, base }: ServerCmd): Listen[] {
  const h = opt(['-b', '--bind']);
  const p = args.find((a) => /^\d+$/.test(a.value));
  const pw = p && { value: p.value, loc: sub(p.loc, p.value) };
  return [{
    server: 'http.server', ...base,
    host: h?.value ?? '0.0.0.0', ...word('host', h),
    port: p?.value ?? '8000', ...word('port', pw),
    flags: (_h, fp, to) => (fp && !p ? [String(to)] : []),
  }];
}

function waitressListens({ prog, opt, base }: ServerCmd): Listen[] {
  const l = opt(['--listen']);
  if (l) return [bindListen(prog, l.value, l.loc, base)];
  const h = opt(['--host']), p = opt(['--port']);
  return [{ server: prog, ...base, host: h?.value ?? '0.0.0.0', ...word('host', h), port: p?.value ?? '8080', ...word('port', p) }];
}

function nodeProgramListens({ args, step, m, bc }: ServerCmd): Listen[] {
  const f = args.find((a) => /\.[cm]?js$/.test(a.value));
  return f ? codeListens(step, f.value, 'js', m, bc) : [];
}

function javaListens({ opt, env, base }: ServerCmd): Listen[] {
  const p = opt(['-Dserver.port=', '--server.port']);
  if (p) return [{ server: 'java', ...base, port: p.value, ...word('port', p) }];
  const sp = env.get('SERVER_PORT');
  if (sp) return [{ server: 'java', ...base, port: sp }];
  return [];
}

/** How each server program says where it listens. */
const PROGRAMS: Record<string, (c: ServerCmd) => Listen[]> = {
  gunicorn: gunicornListens,
  hypercorn: gunicornListens,
  uvicorn: uvicornListens,
  flask: flaskListens,
  'http.server': httpServerListens,
  'waitress-serve': waitressListens,
  node: nodeProgramListens,
  nodejs: nodeProgramListens,
  java: javaListens,
};

/** `host:port`, `:port`, `[::]:port`, `host` (gunicorn default port 8000); unix sockets and fds yield nothing. */
function bindListen(server: string, v: string, loc: Loc | undefined, base: { at: Loc; insertAfter?: Loc }): Listen {
  if (/^(unix|fd):/.test(v)) return { server, ...base };
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d+|\$\w+|\$\{\w+\}))?$/.exec(v);
  if (!m) return { server, ...base };
  const host = m[1] === '' ? '0.0.0.0' : m[1];
  const port = m[2] ?? '8000';
  // Exact spans only when the value is written literally (not built from variables): fixes edit these spans.
  const literal = loc && loc.text.slice(loc.start, loc.end) === v ? loc : undefined;
  const hostLoc = literal && m[1] ? { ...literal, end: literal.start + m[1].length } : undefined;
  const portLoc = literal && m[2] ? { ...literal, start: literal.start + m[1].length + 1 } : undefined;
  return { server, host, port, hostLoc, portLoc, hostLit: hostLoc, portLit: portLoc, ...base };
}

/** A value taken from a command word: `sub` already gives the value's own characters, so that span is the literal. */
function word(kind: 'host' | 'port', o: { loc?: Loc } | undefined): Partial<Listen> {
  if (!o?.loc) return {};
  return kind === 'host' ? { hostLoc: o.loc, hostLit: o.loc } : { portLoc: o.loc, portLit: o.loc };
}

/** The span of `part` inside a word's source text; undefined when it is not written literally there. */
function sub(loc: Loc, part: string): Loc | undefined {
  const raw = loc.text.slice(loc.start, loc.end);
  const k = raw.lastIndexOf(part);
  return k >= 0 && part ? { ...loc, start: loc.start + k, end: loc.start + k + part.length } : undefined;
}

function codeListens(step: Step, p: string, lang: 'py' | 'js', m: ImageModel, bc: BuildContext): Listen[] {
  const r = resolveInImage(m, bc, path.posix.resolve(step.cwd, p));
  if (!r) return [];
  const file = r.kind === 'file' ? r.file : m.doc.file;
  const text = r.kind === 'file' ? r.text : m.doc.text;
  const offset = r.kind === 'file' ? 0 : r.base;
  const found: CodeListen[] = lang === 'py' ? pythonListens(r.text, step.env) : nodeListens(r.text, step.env);
  const out: Listen[] = [];
  for (const c of found) {
    if (c.host === null || c.port === null) continue;
    const at: Loc = { file, text, start: c.start + offset, end: c.end + offset };
    const loc = (v: { start: number; end: number } | undefined) => (v ? { file, text, start: v.start + offset, end: v.end + offset } : undefined);
    let host = c.host?.value ?? c.defaultHost;
    if (host === '' || host === '::') host = '0.0.0.0';
    const port = c.port?.value ?? c.defaultPort;
    out.push({
      server: c.server, host, port: port || undefined, at,
      hostLoc: loc(c.host ?? undefined), portLoc: loc(c.port ?? undefined), hostLit: loc(c.host?.lit), portLit: loc(c.port?.lit),
    });
  }
  return out;
}

/** Hosts that make a server unreachable from outside the container. */
export const isLoopback = (h: string | undefined): boolean => !!h && /^(127\.\d+\.\d+\.\d+|localhost|\[?::1\]?|ip6-localhost)$/i.test(h);
