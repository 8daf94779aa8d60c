// MA208 (secrets), MA210 (COPY/ADD sources missing or excluded), MA211 (MA_* variables), MA212 (root user).
import * as path from 'node:path';
import picomatch from 'picomatch';
import type { Instruction } from 'dockerfile-ast';
import type { RawFinding } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../context';
import { expandVars, parseShell } from '../../analysis/shell';
import { hasGlob, isUrl, normRel } from '../../analysis/context';
import { mapSpan } from '../../analysis/image';
import { facts, find } from './facts';
import { kwOf, argsOf, propsOf, contentOf } from '../../analysis/image';

interface Prop { getName(): string; getValue(): string | null; getNameRange(): import('../../types').Range; getRange(): import('../../types').Range }
const props = (ins: Instruction): Prop[] => propsOf(ins);

const SECRET_NAME = /(^|_)(AK|SK|ACCESS_?KEY(_ID)?|SECRET(_ACCESS)?(_KEY)?|SECRET|PASSWORD|PASSWD|TOKEN|API_?KEY|PRIVATE_KEY|CREDENTIALS?)$/i;
const SECRET_FILE = /^(\.env(\.(?!example$|sample$|template$|dist$)[\w-]+)?|credentials\.csv|id_rsa|id_ed25519|\.netrc|\.pypirc)$/i;

/** `scheme://user:password@host` with a literal password (not `$VAR`). */
// The scheme starts at a word boundary and is bounded: an unanchored [a-z]+ backtracks quadratically over a long
// run of letters (a megabyte RUN word took minutes).
const URL_CREDENTIALS = /\b[a-z][a-z0-9+.-]{0,31}:\/\/[^/\s:@$]+:[^/\s@$]+@/i;

function literalSecret(value: string): boolean {
  const v = value.trim().replace(/^["']|["']$/g, '');
  if (!v || /^\$\{?\w+\}?$/.test(v) || /^\d+(\.\d+)*$/.test(v) || /^(true|false|none|null|yes|no|changeme|xxx+|\*+|<[^>]*>)$/i.test(v)) return false;
  return !v.startsWith('/') && !/^https?:\/\/[^@]*$/.test(v);
}

export function ma208(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const out: RawFinding[] = [];
  const msg = (what: string, zh: string) => L(`${what} is baked into the image: anyone who pulls it can read it. Pass it at run time (ModelArts environment variables) instead.`, `${zh}被写进了镜像：任何拉取镜像的人都能读到。请在运行时传入（ModelArts 环境变量）。`);
  for (const ins of f.m.instrs) {
    const kw = kwOf(ins);
    if (kw === 'ENV' || kw === 'ARG') {
      for (const p of props(ins)) {
        const v = p.getValue();
        if (v !== null && SECRET_NAME.test(p.getName()) && literalSecret(v)) out.push(find(ctx, 'MA208', p.getRange(), msg(`The secret ${p.getName()}`, `密钥 ${p.getName()} `)));
        else if (v !== null && URL_CREDENTIALS.test(v)) out.push(find(ctx, 'MA208', p.getRange(), msg('A password in a URL', 'URL 中的密码')));
      }
      if (kw === 'ARG') for (const a of argsOf(ins)) {
        const [n, ...rest] = a.getValue().split('=');
        if (rest.length && !props(ins).length && SECRET_NAME.test(n) && literalSecret(rest.join('='))) out.push(find(ctx, 'MA208', a.getRange(), msg(`The secret ${n}`, `密钥 ${n} `)));
      }
    } else if (kw === 'RUN') {
      const c = f.m.clean(ins);
      for (const sc of parseShell(c.text)) {
        const ws = [...sc.assignments, ...sc.words];
        for (let i = 0; i < ws.length; i++) {
          const w = ws[i];
          const m = /^(?:export\s+)?([A-Za-z_]\w*)=(.+)$/.exec(w.value);
          const span = mapSpan(c, w.start, w.end);
          const r = ctx.dockerfile!.rangeOf(span.start, span.end - span.start);
          if (m && SECRET_NAME.test(m[1]) && literalSecret(m[2])) out.push(find(ctx, 'MA208', r, msg(`The secret ${m[1]}`, `密钥 ${m[1]} `)));
          else if (URL_CREDENTIALS.test(w.value)) out.push(find(ctx, 'MA208', r, msg('A password in a URL', 'URL 中的密码')));
          else if (sc.words[0]?.value === 'obsutil' && /^-(k|t)=./.test(w.value) && literalSecret(w.value.slice(3))) out.push(find(ctx, 'MA208', r, msg('An OBS secret key', 'OBS 密钥')));
        }
      }
    }
  }
  for (const op of f.m.copies) {
    if (op.fromStage) continue;
    for (const s of op.sources) {
      if (isUrl(s.value) || s.value.startsWith('<<')) continue;
      const rel = normRel(s.value);
      const hits: string[] = [];
      if (SECRET_FILE.test(path.posix.basename(rel)) && f.bc.exists(rel) && !f.bc.isIgnored(rel)) hits.push(rel);
      else if (!hasGlob(rel) && f.bc.isDir(rel)) {
        for (const n of f.bc.files.listDir(path.join(f.bc.dir, rel))) {
          const r = rel ? rel + '/' + n : n;
          if (SECRET_FILE.test(n) && !f.bc.isIgnored(r) && !f.bc.isDir(r)) hits.push(r);
        }
      }
      for (const h of hits) {
        out.push(find(ctx, 'MA208', ctx.dockerfile!.rangeOf(s.start, s.end - s.start), msg(`The file ${h} (secrets)`, `文件 ${h}（密钥）`), {
          related: [{ file: path.join(f.bc.dir, h), range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: L('Copied into the image', '被复制进镜像') }],
        }));
      }
    }
  }
  return out;
}

export function ma210(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const out: RawFinding[] = [];
  const ignoreRel = f.bc.ignoreFile ? [{ file: f.bc.ignoreFile, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, message: L('The exclusion is here', '排除规则在此文件中') }] : undefined;
  for (const op of f.m.allCopies) {
    if (op.fromStage) continue;
    const kw = kwOf(op.instr);
    for (const s of op.sources) {
      if (isUrl(s.value) || s.value.startsWith('<<') || s.value.includes('$')) continue;
      const range = ctx.dockerfile!.rangeOf(s.start, s.end - s.start);
      const rel = normRel(s.value);
      if (rel === '..' || rel.startsWith('../')) {
        out.push(find(ctx, 'MA210', range, L(`${s.value} is outside the build context (the Dockerfile's folder): Docker cannot ${kw} it. Move the file into the folder.`, `${s.value} 不在构建上下文（Dockerfile 所在目录）中：Docker 无法 ${kw} 它。请把文件移到该目录下。`)));
        continue;
      }
      if (hasGlob(rel)) {
        // Docker accepts a glob that matches nothing when another source of the same COPY exists.
        if (op.sources.some((o) => o !== s && !hasGlob(o.value) && f.bc.exists(normRel(o.value)))) continue;
        const l = f.bc.list();
        const isMatch = picomatch(rel, { dot: true });
        if (!l.complete || l.files.some((x) => (isMatch(x) || isMatch(path.posix.dirname(x))) && !f.bc.isIgnored(x))) continue;
        out.push(find(ctx, 'MA210', range, L(`No file in the build context matches ${s.value}: the build fails here.`, `构建上下文中没有与 ${s.value} 匹配的文件：构建会在此处失败。`)));
        continue;
      }
      if (!f.bc.exists(rel)) {
        out.push(find(ctx, 'MA210', range, L(`${s.value} is not in the build context (${f.bc.dir}): the build fails here. Check the path; it is relative to the Dockerfile's folder.`, `${s.value} 不在构建上下文（${f.bc.dir}）中：构建会在此处失败。请检查路径，它相对于 Dockerfile 所在目录。`)));
      } else if (f.bc.isIgnored(rel) && !f.bc.reincludes(rel)) {
        out.push(find(ctx, 'MA210', range, L(`${s.value} is excluded by ${path.basename(f.bc.ignoreFile ?? '.dockerignore')}: Docker does not send it, so the build fails here. Remove the exclusion or the ${kw}.`, `${s.value} 被 ${path.basename(f.bc.ignoreFile ?? '.dockerignore')} 排除：Docker 不会发送它，构建会在此处失败。请删除该排除规则或这条 ${kw}。`), { related: ignoreRel }));
      }
    }
  }
  return out;
}

export function ma211(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const out: RawFinding[] = [];
  for (const ins of f.m.instrs) {
    if (kwOf(ins) !== 'ENV') continue;
    for (const p of props(ins)) {
      if (!/^MA_/.test(p.getName())) continue;
      out.push(find(ctx, 'MA211', p.getNameRange(), L(`${p.getName()}: variables named MA_* are reserved by ModelArts and may be overwritten at run time. Rename it.`, `${p.getName()}：以 MA_ 开头的变量由 ModelArts 保留，运行时可能被覆盖。请改名。`)));
    }
  }
  return out;
}

export function ma212(ctx: ProjectContext): RawFinding[] {
  const f = facts(ctx);
  if (!f) return [];
  const custom = (ctx.config?.value as { model_type?: unknown } | undefined)?.model_type === 'Custom';
  let user: Instruction | undefined;
  for (const ins of f.m.instrs) if (kwOf(ins) === 'USER') user = ins;
  const name = user ? expandVars(contentOf(user).trim(), f.m.varsAt(user)).value : undefined;
  if (name !== undefined && !/^(root|0)(:(root|0))?$/.test(name)) return [];
  const severity = custom ? 'error' as const : undefined;
  const why = custom ? L(' A Custom-engine model must run as uid 1000 / gid 100 (USER 1000:100, user ma-user).', ' Custom 引擎模型必须以 uid 1000 / gid 100 运行（USER 1000:100，用户 ma-user）。') : L(' Consider USER 1000:100 (ma-user, the account ModelArts uses in its own images), so the image also works when it is not run as root.', ' 建议使用 USER 1000:100（ma-user，ModelArts 自有镜像使用的账号），这样镜像在非 root 运行时同样可用。');
  const base = user ? L(`The container runs as ${name}.`, `容器以 ${name} 身份运行。`) : L('No USER: the container runs as root.', '没有 USER 指令：容器以 root 身份运行。');
  return [find(ctx, 'MA212', user ? user.getRange() : f.m.final!.from.getRange(), L(base.en + why.en, base.zh + why.zh), { severity })];
}
