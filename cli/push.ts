// `modelarts-image push FOLDER [--to REGISTRY/ORG/REPO:TAG]`: the tested image to SWR (or any registry), after a
// preflight, with progress per layer on stderr and the manifest read back.
// Exit codes: 0 pushed and read back as one Docker v2 schema 2 manifest; 1 a preflight check or the read-back failed;
// 2 usage (no or a bad target); 3 no engine answers; 4 the registry cannot be reached or failed (disk full included);
// 5 the registry refused the login (401) or the push (denied); 130 cancelled.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { L, pick } from '../core/i18n';
import type { Lang } from '../core/types';
import { CancelledError } from '../engine/report';
import { cancelledText, findCredentials, modelFolderOf, pushFolder, targetOf, type PushReport, type RegistryAuth, type Target } from '../engine/push';
import { formatLayer, formatPushText, layerKey } from '../engine/push/format';
import { parseLang, UsageError } from './options';
import { runErrorText } from './errors';

const PUSH_USAGE = `Usage: modelarts-image push FOLDER [options]
Pushes the image that passed "modelarts-image test FOLDER" (and was built from the folder as it is now).
  --to REGISTRY/ORG/REPO:TAG  target (default: config.json swr_location), e.g.
                              swr.cn-north-4.myhuaweicloud.com/my-org/my-model:1.0.0
  --format text|json          report format (default text); progress per layer goes to stderr
  --platform linux/amd64|linux/arm64  the pool's platform (default linux/amd64; linux/arm64 for Ascend)
  --profile seed-2021|current  size limit (10 GB / 50 GB), --size-limit GB to set it
  --username USER --password-stdin  log in with these (SWR: <region>@<AK> and the login key), instead of
                              the docker CLI's credentials (~/.docker/config.json auths, credsStore, credHelpers)
  --host URL                  engine address, --lang en|zh-cn
Exit: 0 pushed and read back, 1 a check failed, 2 usage, 3 no engine, 4 registry unreachable or failed,
      5 login or push refused, 130 cancelled.
`;

const PUSH_USAGE_ZH = `用法：modelarts-image push FOLDER [选项]
推送通过了 "modelarts-image test FOLDER" 的镜像（且由该目录当前的内容构建）。
  --to REGISTRY/ORG/REPO:TAG  推送目标（默认：config.json 的 swr_location），例如
                              swr.cn-north-4.myhuaweicloud.com/my-org/my-model:1.0.0
  --format text|json          报告格式（默认 text）；每层的进度写到标准错误
  --platform linux/amd64|linux/arm64  资源池的平台（默认 linux/amd64；昇腾为 linux/arm64）
  --profile seed-2021|current  大小限制（10 GB / 50 GB），用 --size-limit GB 设置
  --username USER --password-stdin  用这些信息登录（SWR：<region>@<AK> 和登录密钥），而不是 docker CLI
                              的凭据（~/.docker/config.json 的 auths、credsStore、credHelpers）
  --host URL                  引擎地址，--lang en|zh-cn
退出码：0 已推送并读回，1 有检查失败，2 用法错误，3 没有引擎，4 镜像仓库无法访问或出错，
      5 登录或推送被拒绝，130 已取消。
`;

const PUSH_OPTIONS = {
  to: { type: 'string' },
  format: { type: 'string', default: 'text' },
  platform: { type: 'string', default: 'linux/amd64' },
  profile: { type: 'string' },
  'size-limit': { type: 'string' },
  username: { type: 'string', short: 'u' },
  'password-stdin': { type: 'boolean', default: false },
  host: { type: 'string' },
  lang: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof PUSH_OPTIONS; allowPositionals: true }>>['values'];

const EXIT = { unreachable: 4, registry: 4, full: 4, unauthorized: 5, denied: 5 } as const;

function readStdin(): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    process.stdin.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(Buffer.concat(chunks).toString('utf8'))).on('error', reject);
  });
}

async function credentialsFor(values: Values, target: Target): Promise<RegistryAuth | undefined> {
  if (values['password-stdin']) {
    if (!values.username) throw new UsageError(L('--password-stdin needs --username', '--password-stdin 需要同时给出 --username'));
    const password = (await readStdin()).replace(/\r?\n$/, '');
    return { username: values.username, password, serveraddress: target.registry, source: '--username/--password-stdin' };
  }
  if (values.username) throw new UsageError(L('--username needs --password-stdin (a password is never taken on the command line)',
    '--username 需要同时给出 --password-stdin（密码不从命令行读取）'));
  return findCredentials(target.registry);
}

function validate(values: Values, positionals: string[]): { folder: string; format: 'text' | 'json'; platform: string; lang: Lang } {
  const format = values.format;
  if (format !== 'text' && format !== 'json') throw new UsageError(L(
    `--format must be text or json, not "${format}"`,
    `--format 只能是 text 或 json，而不是 "${format}"`));
  if (positionals.length !== 1) throw new UsageError(L('push expects exactly one FOLDER (a model folder that passed modelarts-image test)',
    'push 只接受一个 FOLDER（已通过 modelarts-image test 的模型目录）'));
  if (!fs.existsSync(positionals[0]) || !fs.statSync(positionals[0]).isDirectory()) throw new UsageError(L(
    `${positionals[0]} is not a folder`,
    `${positionals[0]} 不是文件夹`));
  if (values.platform !== 'linux/amd64' && values.platform !== 'linux/arm64') {
    throw new UsageError(L(`--platform must be linux/amd64 or linux/arm64, not "${values.platform}"`,
      `--platform 只能是 linux/amd64 或 linux/arm64，而不是 "${values.platform}"`));
  }
  if (values.profile !== undefined && values.profile !== 'seed-2021' && values.profile !== 'current') {
    throw new UsageError(L(`--profile must be seed-2021 or current, not "${values.profile}"`,
      `--profile 只能是 seed-2021 或 current，而不是 "${values.profile}"`));
  }
  return { folder: positionals[0], format, platform: values.platform, lang: parseLang(values.lang) };
}

/** Progress per layer on stderr: a line when what it says changes (layerKey). */
function layerPrinter(lang: Lang): (l: Parameters<typeof formatLayer>[0]) => void {
  const shown = new Map<string, string>();
  return (l) => {
    const key = layerKey(l);
    if (shown.get(l.id) === key) return;
    shown.set(l.id, key);
    process.stderr.write(formatLayer(l, lang) + '\n');
  };
}

const CANCELLING = L('Cancelling the push…', '正在取消推送…');

function cancelOnSignals(lang: Lang): { signal: AbortSignal; done: () => void } {
  const ac = new AbortController();
  const onSignal = () => {
    process.stderr.write(`\n${pick(CANCELLING, lang)}\n`);
    ac.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return { signal: ac.signal, done: () => (process.off('SIGINT', onSignal), process.off('SIGTERM', onSignal)) };
}

function print(report: PushReport, format: 'text' | 'json', lang: Lang): number {
  if (format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
  else process.stdout.write(formatPushText(report, lang, !!process.stdout.isTTY));
  if (report.error) return EXIT[report.error.kind];
  return report.passed ? 0 : 1;
}

function failed(e: unknown, format: 'text' | 'json', lang: Lang, target: string): number {
  const cancelled = e instanceof CancelledError;
  const message = cancelled ? cancelledText(lang) : runErrorText(e, lang);
  const error = { kind: cancelled ? 'cancelled' : 'engine', message };
  if (format === 'json') process.stdout.write(JSON.stringify({ passed: false, target, error }, null, 2) + '\n');
  process.stderr.write(`modelarts-image push: ${message}\n`);
  return cancelled ? 130 : 3;
}

/** The folder as the "run test" hint shows it: relative under the working directory, else absolute. */
const shown = (folder: string): string => {
  const rel = path.relative(process.cwd(), path.resolve(folder));
  return rel.startsWith('..') || path.isAbsolute(rel) ? path.resolve(folder) : rel || '.';
};

export async function runPushCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: PUSH_OPTIONS });
  if (values.help) {
    process.stdout.write(parseLang(values.lang) === 'zh-cn' ? PUSH_USAGE_ZH : PUSH_USAGE);
    return 0;
  }
  const { folder, format, platform, lang } = validate(values, positionals);
  const profile = values.profile === 'current' ? 'current' : 'seed-2021';
  const t = targetOf(modelFolderOf(folder, profile), values.to);
  if ('none' in t) throw new UsageError(L('no target: give --to REGISTRY/ORG/REPO:TAG or set "swr_location" in config.json',
    '没有推送目标：请用 --to REGISTRY/ORG/REPO:TAG 指定，或在 config.json 中设置 "swr_location"'));
  if ('problem' in t) throw new UsageError(t.problem);
  const sizeGb = values['size-limit'] !== undefined ? Number(values['size-limit']) : undefined;
  if (sizeGb !== undefined && !(sizeGb > 0)) throw new UsageError(L(`--size-limit expects a positive number of GB, not "${values['size-limit']}"`,
    `--size-limit 需要一个正数（单位 GB），而不是 "${values['size-limit']}"`));
  const auth = await credentialsFor(values, t.target);
  const cancel = cancelOnSignals(lang);
  try {
    const report = await pushFolder(folder, t.target, {
      profile, lang, platform, host: values.host, auth, shownFolder: shown(folder),
      sizeLimitBytes: sizeGb !== undefined ? sizeGb * 1024 ** 3 : undefined,
    }, { signal: cancel.signal, onLayer: layerPrinter(lang) });
    return print(report, format, lang);
  } catch (e) {
    return failed(e, format, lang, t.target.ref);
  } finally {
    cancel.done();
  }
}
