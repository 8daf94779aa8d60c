// MA121: A value of the deployment file the console refuses. Page: docs/rules/MA121.md
// The schema (schemas/deploy.schema.json, x-code MA121) finds the values at fault; this file says, per field, what
// the console takes, and fixes what has one obvious repair (casing, a number written as a string, a timing of 0).
import type { Fix, Localized, RawFinding } from '../../types';
import { L } from '../../i18n';
import { defineRule } from '../rule';
import { nearest } from '../../analysis/config/near';
import { fix, replaceNode } from '../../analysis/config/edits';
import { rangeOfNode } from '../../analysis/config/paths';
import { deployHits, type DeployHit } from '../../analysis/deploy';

/** The characters the console refuses in an EXEC probe's command. */
const FORBIDDEN = '#~^$|%&*<>()\'"\\[]{}';
const MIN: Record<string, number> = { initial_delay_seconds: 0, period_seconds: 1, timeout_seconds: 1, failure_threshold: 1 };
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

const messages = {
  port: (v: unknown) => L(`port is ${show(v)}: the console takes a container port from 1 to 65535, a whole number without quotes (such as 8080).`,
    `port 为 ${show(v)}：控制台接受 1 到 65535 之间的容器端口，须为不带引号的整数（如 8080）。`),
  user: (v: unknown) => L(`user is ${show(v)}: write uid[:gid] (such as "1000:100", the platform's ma-user) or a user name.`,
    `user 为 ${show(v)}：请写成 uid[:gid]（如 "1000:100"，即平台的 ma-user）或用户名。`),
  cloud: (v: unknown) => L(`cloud is ${show(v)}: it is "huaweicloud" (Huawei Cloud) or "otc" (Open Telekom Cloud).`,
    `cloud 为 ${show(v)}：取值为 "huaweicloud"（华为云）或 "otc"（Open Telekom Cloud）。`),
  memory: (v: unknown) => L(`memory_mb is ${show(v)}: a whole number of megabytes, at least 4 (such as 4096).`,
    `memory_mb 为 ${show(v)}：须为以 MB 为单位的整数，不小于 4（如 4096）。`),
  probes: L('probes must be an object of the probes: {"startup": {...}, "readiness": {...}, "liveness": {...}} (each optional).',
    'probes 须为由探针组成的对象：{"startup": {...}, "readiness": {...}, "liveness": {...}}（均可省略）。'),
  probe: (where: string) => L(`${where} must be an object: {"check_method": "HTTP", "url": "/health", ...} or {"check_method": "EXEC", "command": "..."}.`,
    `${where} 须为对象：{"check_method": "HTTP", "url": "/health", ...} 或 {"check_method": "EXEC", "command": "..."}。`),
  method: (where: string, v: unknown) => L(`${where} is ${show(v)}: the console offers "HTTP" (call url) or "EXEC" (run command), in capitals.`,
    `${where} 为 ${show(v)}：控制台提供 "HTTP"（调用 url）或 "EXEC"（执行 command），须大写。`),
  protocol: (where: string, v: unknown) => L(`${where} is ${show(v)}: it is "http" or "https", the protocol the service speaks.`,
    `${where} 为 ${show(v)}：取值为 "http" 或 "https"，即服务使用的协议。`),
  urlSlash: (where: string, v: unknown) => L(`${where} is ${show(v)}: the console takes a path that starts with /.`,
    `${where} 为 ${show(v)}：控制台只接受以 / 开头的路径。`),
  urlChars: (where: string, v: unknown, bad: string) => L(
    `${where} is ${show(v)}: the console takes letters, digits, - _ / : only (not ${bad}), at most 1024 characters.`,
    `${where} 为 ${show(v)}：控制台只接受字母、数字与 - _ / :（不接受 ${bad}），最多 1024 个字符。`),
  url: (where: string, v: unknown) => L(`${where} is ${show(v)}: it must be a path such as "/health" (starts with /, at most 1024 characters).`,
    `${where} 为 ${show(v)}：须为 "/health" 这样的路径（以 / 开头，最多 1024 个字符）。`),
  commandEmpty: (where: string) => L(
    `${where} is empty: an EXEC probe runs this command and the console refuses an empty one. Give the script to run (such as /home/ma-user/health.sh), `
      + 'or leave the key out for that default.',
    `${where} 为空：EXEC 探针执行该命令，控制台不接受空命令。请写出要执行的脚本（如 /home/ma-user/health.sh），或省略该键以使用默认值。`),
  commandChars: (where: string, bad: string) => L(
    `${where} contains ${bad}: the console refuses # ~ ^ $ | % & * < > ( ) ' " \\ [ ] { } in a command. It runs the command split on spaces, `
      + 'without a shell: put pipes, redirections and quoting in a script and run the script.',
    `${where} 含有 ${bad}：控制台不接受命令中出现 # ~ ^ $ | % & * < > ( ) ' " \\ [ ] { }。命令按空格拆分后直接执行，不经过 shell：`
      + '请把管道、重定向与引号写进脚本，再执行该脚本。'),
  command: (where: string, v: unknown) => L(`${where} is ${show(v)}: it must be a command line (a string of at most 1024 characters).`,
    `${where} 为 ${show(v)}：须为命令行（最多 1024 个字符的字符串）。`),
  timing: (where: string, v: unknown, min: number) => L(
    `${where} is ${show(v)}: the console takes a whole number ≥ ${min} (an integer, or a string of digits such as "${min + 5}").`,
    `${where} 为 ${show(v)}：控制台只接受不小于 ${min} 的整数（整数或数字字符串，如 "${min + 5}"）。`),
  schemaRef: (v: unknown) => L(`$schema is ${show(v)}: it is the schema's address, a string.`, `$schema 为 ${show(v)}：应为 schema 的地址（字符串）。`),
  setFix: (v: unknown) => L(`Change to ${show(v)}`, `改为 ${show(v)}`),
};

const distinct = (s: string, allowed: (c: string) => boolean): string => [...new Set([...s].filter((c) => !allowed(c)))].join(' ');

function urlMessage(h: DeployHit): Localized {
  const v = h.value;
  if (typeof v !== 'string' || v.length > 1024) return messages.url(h.where, v);
  if (!v.startsWith('/')) return messages.urlSlash(h.where, v);
  return messages.urlChars(h.where, v, distinct(v, (c) => /[A-Za-z0-9/_:-]/.test(c)));
}

function commandMessage(h: DeployHit): Localized {
  const v = h.value;
  if (typeof v === 'string' && !v.trim()) return messages.commandEmpty(h.where);
  const bad = typeof v === 'string' ? distinct(v, (c) => !FORBIDDEN.includes(c)) : '';
  return bad ? messages.commandChars(h.where, bad) : messages.command(h.where, v);
}

/** The message for the value at fault, by its key. */
function messageOf(h: DeployHit): Localized {
  const key = h.path[h.path.length - 1];
  const v = h.value;
  if (h.path.length === 1) {
    const top: Record<string, () => Localized> = {
      port: () => messages.port(v), user: () => messages.user(v), cloud: () => messages.cloud(v), memory_mb: () => messages.memory(v),
      probes: () => messages.probes,
    };
    return (Object.hasOwn(top, String(key)) ? top[String(key)] : () => messages.schemaRef(v))();
  }
  if (h.path.length === 2) return messages.probe(h.where);
  if (key === 'check_method') return messages.method(h.where, v);
  if (key === 'protocol') return messages.protocol(h.where, v);
  if (key === 'url') return urlMessage(h);
  if (key === 'command') return commandMessage(h);
  return messages.timing(h.where, v, MIN[String(key)] ?? 1);
}

/** The one obvious repair, if any: an enum value in other casing, a whole number in quotes, a timing below its minimum. */
function repairOf(h: DeployHit): unknown {
  const key = String(h.path[h.path.length - 1]);
  const v = h.value;
  const allowed = h.errors.find((e) => e.keyword === 'enum')?.params.allowedValues as string[] | undefined;
  if (allowed && typeof v === 'string') return nearest(v, allowed);
  if ((key === 'port' || key === 'memory_mb') && typeof v === 'string' && /^\s*\d+\s*$/.test(v)) {
    const n = Number(v);
    return n >= (key === 'port' ? 1 : 4) && (key !== 'port' || n <= 65535) ? n : undefined;
  }
  if (key === 'url' && typeof v === 'string' && /^[A-Za-z0-9_:-][A-Za-z0-9/_:-]*$/.test(v)) return '/' + v;
  if (h.path.length === 3 && key in MIN) {
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (Number.isInteger(n) && n < MIN[key]) return typeof v === 'string' ? String(MIN[key]) : MIN[key];
  }
  return undefined;
}

function findingOf(h: DeployHit): RawFinding {
  const to = repairOf(h);
  const fixes: Fix[] | undefined = to === undefined ? undefined : [fix(messages.setFix(to), [replaceNode(h.doc, h.node, to)])];
  return { code: 'MA121', file: h.doc.file, range: rangeOfNode(h.doc, h.node), message: messageOf(h), fixes };
}

export default defineRule({
  meta: {
    code: 'MA121',
    family: 'deploy',
    severity: 'error',
    title: L('A deployment file value the console refuses', '部署文件中有控制台不接受的取值'),
  },
  messages,
  check: (ctx) => deployHits(ctx).filter((h) => !h.errors.some((e) => e.keyword === 'additionalProperties')).map(findingOf),
});
