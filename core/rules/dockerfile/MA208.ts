// MA208: A secret is baked into the image. Page: docs/rules/MA208.md
import * as path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import type { Localized, RawFinding, Range } from '../../types';
import { L } from '../../i18n';
import type { ProjectContext } from '../../context';
import { defineRule } from '../rule';
import { parseShell, type SimpleCommand } from '../../analysis/shell';
import { hasGlob, isUrl, normRel } from '../../analysis/context';
import { mapSpan, kwOf, argsOf, propsOf, type CopyOp } from '../../analysis/image';
import { facts, find, type Facts } from '../../analysis/dockerfile/facts';

const messages = {
  baked: (what: Localized) => L(
    `${what.en} is baked into the image: anyone who pulls it can read it. Pass it at run time (ModelArts environment variables) instead.`,
    `${what.zh}被写进了镜像：任何拉取镜像的人都能读到。请在运行时传入（ModelArts 环境变量）。`),
  secret: (name: string) => L(`The secret ${name}`, `密钥 ${name} `),
  urlPassword: L('A password in a URL', 'URL 中的密码'),
  obsKey: L('An OBS secret key', 'OBS 密钥'),
  secretFile: (file: string) => L(`The file ${file} (secrets)`, `文件 ${file}（密钥）`),
  copiedHere: L('Copied into the image', '被复制进镜像'),
};

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

const baked = (ctx: ProjectContext, range: Range, what: Localized): RawFinding => find(ctx, 'MA208', range, messages.baked(what));

/** ENV / ARG with a secret's name and a literal value, or a URL with a password. */
function envOrArg(ctx: ProjectContext, ins: Instruction, kw: string): RawFinding[] {
  const out: RawFinding[] = [];
  const props = propsOf(ins);
  for (const p of props) {
    const v = p.getValue();
    if (v !== null && SECRET_NAME.test(p.getName()) && literalSecret(v)) out.push(baked(ctx, p.getRange(), messages.secret(p.getName())));
    else if (v !== null && URL_CREDENTIALS.test(v)) out.push(baked(ctx, p.getRange(), messages.urlPassword));
  }
  if (kw !== 'ARG' || props.length) return out;
  for (const a of argsOf(ins)) {
    const [n, ...rest] = a.getValue().split('=');
    if (rest.length && SECRET_NAME.test(n) && literalSecret(rest.join('='))) out.push(baked(ctx, a.getRange(), messages.secret(n)));
  }
  return out;
}

/** What a word of a RUN command gives away: a secret variable, a password in a URL, an obsutil key. */
function runWordSecret(sc: SimpleCommand, value: string): Localized | undefined {
  const m = /^(?:export\s+)?([A-Za-z_]\w*)=(.+)$/.exec(value);
  if (m && SECRET_NAME.test(m[1]) && literalSecret(m[2])) return messages.secret(m[1]);
  if (URL_CREDENTIALS.test(value)) return messages.urlPassword;
  if (sc.words[0]?.value === 'obsutil' && /^-(k|t)=./.test(value) && literalSecret(value.slice(3))) return messages.obsKey;
  return undefined;
}

function run(ctx: ProjectContext, f: Facts, ins: Instruction): RawFinding[] {
  const out: RawFinding[] = [];
  const c = f.m.clean(ins);
  for (const sc of parseShell(c.text)) {
    for (const w of [...sc.assignments, ...sc.words]) {
      const what = runWordSecret(sc, w.value);
      if (!what) continue;
      const span = mapSpan(c, w.start, w.end);
      out.push(baked(ctx, ctx.dockerfile!.rangeOf(span.start, span.end - span.start), what));
    }
  }
  return out;
}

/** Secret files a COPY source brings in: the file itself, or those directly inside a copied folder. */
function secretFiles(f: Facts, rel: string): string[] {
  if (SECRET_FILE.test(path.posix.basename(rel)) && f.bc.exists(rel) && !f.bc.isIgnored(rel)) return [rel];
  if (hasGlob(rel) || !f.bc.isDir(rel)) return [];
  return f.bc.files.listDir(path.join(f.bc.dir, rel)).map((n) => ({ n, r: rel ? rel + '/' + n : n }))
    .filter(({ n, r }) => SECRET_FILE.test(n) && !f.bc.isIgnored(r) && !f.bc.isDir(r)).map(({ r }) => r);
}

function copied(ctx: ProjectContext, f: Facts, op: CopyOp): RawFinding[] {
  const ZERO = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return op.sources.filter((s) => !isUrl(s.value) && !s.value.startsWith('<<')).flatMap((s) => secretFiles(f, normRel(s.value)).map((h) =>
    find(ctx, 'MA208', ctx.dockerfile!.rangeOf(s.start, s.end - s.start), messages.baked(messages.secretFile(h)), {
      related: [{ file: path.join(f.bc.dir, h), range: ZERO, message: messages.copiedHere }],
    })));
}

export default defineRule({
  meta: {
    code: 'MA208',
    family: 'dockerfile',
    severity: 'warning',
    title: L('A secret is baked into the image', '镜像中包含密钥'),
  },
  messages,
  check(ctx) {
    const f = facts(ctx);
    if (!f) return [];
    const out: RawFinding[] = [];
    for (const ins of f.m.instrs) {
      const kw = kwOf(ins);
      if (kw === 'ENV' || kw === 'ARG') out.push(...envOrArg(ctx, ins, kw));
      else if (kw === 'RUN') out.push(...run(ctx, f, ins));
    }
    for (const op of f.m.copies) if (!op.fromStage) out.push(...copied(ctx, f, op));
    return out;
  },
});
