// `modelarts-image test FOLDER`: the conformance test on a real engine, plus the static findings of the folder.
// Exit codes: 0 every check passed (warnings such as MA410 included), 1 a check failed, 2 usage, 3 no engine / the test could not run, 130 cancelled.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { L, pick, severityWord } from '../core/i18n';
import {
  runConformance, CancelledError, DEFAULT_STOP_TIMEOUT_S, type ConformanceOptions, type ProbeReport, type Report,
} from '../engine/conformance';
import { seconds } from '../core/units';
import { PROBE_NAME, shownReport, WORDS } from '../engine/reportText';
import { runErrorText } from './errors';
import { isCloud, isUserSpec, parseGpus, parseMemory, type DeploymentOverrides } from '../core/deployment';
import { formatReportJunit, formatReportText } from '../engine/format';
import { checkPaths } from '../core/check';
import type { CheckOptions, Finding, Lang } from '../core/types';
import { flatten } from './format/findings';
import { checkOptionsFrom, COMMON_OPTIONS, parseLang, UsageError } from './options';

const TEST_USAGE = `Options of test:
  --format text|json|junit   report format (default text)
  --profile seed-2021|current  spec version: size limit, health answer (default seed-2021)
  --keep                     leave the container running after the report
  --timeout S                give up waiting for the container to serve after S seconds (an upper bound: a probe
                             fails as soon as ModelArts' budget for it is over)
  --port N                   the service port (1-65535), wins over modelarts-deploy.json; current only: under
                             seed-2021 the port stays 8080 (a note says so)
  --env KEY=VALUE            environment of the container (repeatable)
  --tag NAME:TAG             image tag (default <folder>:modelarts-dev)
  --service online|batch     force the service kind (default: batch when the image uses /home/run.sh)
  --request-timeout S        give up on a request after S seconds (default 60, the synchronous limit; an
                             answer after 40 s, the API gateway's limit, is MA406)
  --stop-timeout S           wait S seconds after SIGTERM before the kill; still running then: MA410, a
                             warning (default 5; ModelArts waits 90)
  --size-limit GB            image size limit (default 10 under seed-2021, 50 under current, 30 with --cloud otc)
  --cloud huaweicloud|otc    where ModelArts runs: Huawei Cloud (default) or Open Telekom Cloud (30 GB images)
  --user UID[:GID]           run the container as this user (default under current: 1000:100, ma-user, as
                             ModelArts runs it; under seed-2021: the image's USER)
  --memory SIZE              memory limit of the container, e.g. 512m, 4g (the flavour's memory; default none)
  --gpus all|N|device=ID,..  GPUs for the container, as docker run --gpus (the engine needs a GPU runtime)
  --rm-image                 remove the built image at the end
  --rebuild                  build even when the folder is unchanged since the image's last build (default:
                             reuse that image, nothing uploaded)
  --host URL                 engine address (default: DOCKER_HOST, docker context, default sockets)
  --tunnel ssh://USER@HOST   a tcp:// engine on another machine: reach its published ports through SSH
                             (default: MODELARTS_TUNNEL)
  --rule CODE=SEVERITY       severity override (repeatable), --lang en|zh-cn
  --verbose                  stream build output and container logs to stderr
`;

const TEST_USAGE_ZH = `test 的选项：
  --format text|json|junit   报告格式（默认 text）
  --profile seed-2021|current  规范版本：大小限制、健康检查的应答（默认 seed-2021）
  --keep                     报告之后让容器继续运行
  --timeout S                等待容器提供服务最多 S 秒（上限：一旦超出 ModelArts 对探针的时间预算，
                             探针即判定失败）
  --port N                   服务端口（1-65535），优先于 modelarts-deploy.json；仅 current：seed-2021 下
                             端口固定为 8080（会给出提示）
  --env KEY=VALUE            容器的环境变量（可重复）
  --tag NAME:TAG             镜像标签（默认 <folder>:modelarts-dev）
  --service online|batch     指定服务类型（默认：镜像使用 /home/run.sh 时为 batch）
  --request-timeout S        请求 S 秒后放弃（默认 60，同步调用的上限；40 秒（API 网关的上限）之后
                             才到达的响应为 MA406）
  --stop-timeout S           SIGTERM 后等待 S 秒再强制终止；届时仍在运行：MA410，警告（默认 5；
                             ModelArts 等待 90）
  --size-limit GB            镜像大小限制（seed-2021 下默认 10，current 下 50，--cloud otc 时 30）
  --cloud huaweicloud|otc    ModelArts 所在的云：华为云（默认）或 Open Telekom Cloud（镜像 30 GB）
  --user UID[:GID]           以该用户运行容器（current 下默认 1000:100，即 ma-user，与 ModelArts 相同；
                             seed-2021 下为镜像的 USER）
  --memory SIZE              容器的内存上限，如 512m、4g（规格的内存；默认不限）
  --gpus all|N|device=ID,..  容器的 GPU，同 docker run --gpus（引擎需要 GPU 运行时）
  --rm-image                 结束时删除构建的镜像
  --rebuild                  即使目录自上次构建以来未变也重新构建（默认：复用该镜像，不上传任何内容）
  --host URL                 引擎地址（默认：DOCKER_HOST、docker 上下文、默认套接字）
  --tunnel ssh://USER@HOST   另一台机器上的 tcp:// 引擎：经 SSH 访问其发布的端口（默认：MODELARTS_TUNNEL）
  --rule CODE=SEVERITY       修改规则的严重级别（可重复），--lang en|zh-cn
  --verbose                  把构建输出和容器日志写到标准错误
`;

const num = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(L(`${name} expects a positive number, not "${v}"`, `${name} 需要一个正数，而不是 "${v}"`));
  return n;
};

const TEST_OPTIONS = {
  ...COMMON_OPTIONS,
  keep: { type: 'boolean', default: false },
  timeout: { type: 'string' },
  port: { type: 'string' },
  env: { type: 'string', multiple: true },
  tag: { type: 'string' },
  'request-timeout': { type: 'string' },
  'stop-timeout': { type: 'string' },
  'size-limit': { type: 'string' },
  cloud: { type: 'string' },
  user: { type: 'string' },
  memory: { type: 'string' },
  gpus: { type: 'string' },
  'rm-image': { type: 'boolean', default: false },
  host: { type: 'string' },
  tunnel: { type: 'string' },
  rebuild: { type: 'boolean', default: false },
  verbose: { type: 'boolean', default: false },
} as const;

const parseTestArgs = (argv: string[]) => parseArgs({ args: argv, allowPositionals: true, options: TEST_OPTIONS });
type TestValues = ReturnType<typeof parseTestArgs>['values'];

/** `--env KEY=VALUE` (repeatable) as the container's environment. */
function envOf(pairs: string[] | undefined): Record<string, string> {
  const env: Record<string, string> = {};
  for (const e of pairs ?? []) {
    const i = e.indexOf('=');
    if (i <= 0) throw new UsageError(L(`--env expects KEY=VALUE, not "${e}"`, `--env 的格式应为 KEY=VALUE，而不是 "${e}"`));
    env[e.slice(0, i)] = e.slice(i + 1);
  }
  return env;
}

/** `--port N`: an integer 1–65535. */
function portOf(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!/^\d+$/.test(v.trim()) || n < 1 || n > 65535) throw new UsageError(L(
    `--port expects a port from 1 to 65535, not "${v}"`,
    `--port 需要 1 到 65535 之间的端口，而不是 "${v}"`));
  return n;
}

/** --user, --memory, --cloud, --gpus: the deployment's overrides (each wins over modelarts-deploy.json). */
function deploymentOverrides(values: TestValues): DeploymentOverrides {
  const { user, memory, cloud, gpus: gpuText } = values;
  if (user !== undefined && !isUserSpec(user)) throw new UsageError(L(
    `--user expects UID[:GID] (e.g. 1000:100), not "${user}"`,
    `--user 的格式应为 UID[:GID]（例如 1000:100），而不是 "${user}"`));
  const memoryBytes = memory !== undefined ? parseMemory(memory) : undefined;
  if (memory !== undefined && memoryBytes === undefined) throw new UsageError(L(
    `--memory expects a size of at least 6m (e.g. 512m, 4g), not "${memory}"`, `--memory 需要至少 6m 的大小（例如 512m、4g），而不是 "${memory}"`));
  if (cloud !== undefined && !isCloud(cloud)) throw new UsageError(L(
    `--cloud must be huaweicloud or otc, not "${cloud}"`,
    `--cloud 只能是 huaweicloud 或 otc，而不是 "${cloud}"`));
  const gpus = gpuText !== undefined ? parseGpus(gpuText) : undefined;
  if (gpuText !== undefined && !gpus) throw new UsageError(L(`--gpus expects all, a count or device=ID[,ID] (as docker run --gpus), not "${gpuText}"`,
    `--gpus 应为 all、数量或 device=ID[,ID]（同 docker run --gpus），而不是 "${gpuText}"`));
  return { user: user?.trim(), memoryBytes, cloud, gpus };
}

function conformanceOptions(values: TestValues, checkOpts: CheckOptions): ConformanceOptions {
  // Checked in this order, so the first bad option is the one reported.
  const port = portOf(values.port);
  const env = envOf(values.env);
  const sizeGb = num(values['size-limit'], '--size-limit');
  return {
    profile: checkOpts.profile,
    rules: checkOpts.rules,
    serviceKind: checkOpts.serviceKind,
    keep: values.keep,
    removeImage: values['rm-image'],
    env,
    tag: values.tag,
    host: values.host,
    tunnel: values.tunnel,
    rebuild: values.rebuild,
    startTimeoutMs: values.timeout !== undefined ? num(values.timeout, '--timeout')! * 1000 : undefined,
    requestTimeoutMs: values['request-timeout'] !== undefined ? num(values['request-timeout'], '--request-timeout')! * 1000 : undefined,
    stopTimeoutS: num(values['stop-timeout'], '--stop-timeout') ?? DEFAULT_STOP_TIMEOUT_S,
    sizeLimitBytes: sizeGb !== undefined ? sizeGb * 1024 ** 3 : undefined,
    deployment: { ...deploymentOverrides(values), ...(port !== undefined ? { port } : {}) },
  };
}

/** A failed probe attempt, live: the first of a run of equal ones with what it got, then how often it repeated. */
function probeLine(e: ProbeReport, lang: Lang): string {
  const name = pick(PROBE_NAME[e.check] ?? L(e.check, e.check), lang);
  return `      ✘ ${name} ${seconds(e.afterMs)} s${lang === 'zh-cn' ? '：' : ': '}${pick(WORDS.probe(e.text, e.count), lang)}\n`;
}

const CLI_TEXTS = {
  cancelling: L('Cancelling: stopping the build/container and cleaning up (Ctrl-C again to quit at once)…',
    '正在取消：停止构建/容器并清理（再按一次 Ctrl-C 立即退出）…'),
  cancelled: L('Cancelled; nothing left running.', '已取消；没有遗留任何运行中的容器。'),
  portUnused: (port: number) => L(
    `note: --port ${port} is not used under seed-2021: the 2021 platform always serves on 8080 (use --profile current for the console's port)`,
    `提示：seed-2021 下不使用 --port ${port}：2021 版平台固定在 8080 端口提供服务（要使用控制台设置的端口，请加 --profile current）`),
};

/** Ctrl-C (or SIGTERM) aborts the run and cleans up; a second one quits at once. `done()` removes the handlers. */
function cancelOnSignals(lang: Lang): { signal: AbortSignal; done: () => void } {
  const ac = new AbortController();
  let interrupts = 0;
  const onSigint = () => {
    if (++interrupts > 1) process.exit(130);
    process.stderr.write(`\n${pick(CLI_TEXTS.cancelling, lang)}\n`);
    ac.abort();
  };
  process.on('SIGINT', onSigint);
  process.on('SIGTERM', onSigint);
  return {
    signal: ac.signal,
    done: () => {
      process.off('SIGINT', onSigint);
      process.off('SIGTERM', onSigint);
    },
  };
}

/** A run that could not finish: exit 3 (130 when cancelled), with the JSON shape kept under --format json. */
function failedRun(e: unknown, aborted: boolean, format: string, lang: Lang, staticFindings: Finding[]): number {
  if (e instanceof CancelledError || aborted) {
    process.stderr.write(`${pick(CLI_TEXTS.cancelled, lang)}\n`);
    return 130;
  }
  const message = runErrorText(e, lang);
  if (format === 'json') {
    const out = { passed: false, error: message, checks: [], findings: staticFindings.map((f) => flatten(f, lang)) };
    process.stdout.write(JSON.stringify(out, null, 2) + '\n');
  }
  process.stderr.write(`modelarts-image test: ${message}\n`);
  return 3;
}

function printReport(report: Report, format: 'text' | 'json' | 'junit', lang: Lang, staticFindings: Finding[]): void {
  const all = [...staticFindings, ...report.findings];
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ ...shownReport(report, lang), findings: all.map((f) => flatten(f, lang)) }, null, 2) + '\n');
  } else if (format === 'junit') {
    process.stdout.write(formatReportJunit(report, lang));
  } else {
    let text = formatReportText(report, !!process.stdout.isTTY, lang);
    if (staticFindings.length) {
      text += `\n${pick(WORDS.staticHead(staticFindings.length), lang)}\n` +
        staticFindings.map((f) => {
          const x = flatten(f, lang);
          return `  ${x.file}:${x.line}:${x.column}: ${severityWord(f.severity, lang)} ${x.code} ${x.message}`;
        }).join('\n') + '\n';
    }
    process.stdout.write(text);
  }
}

export async function runTestCommand(argv: string[]): Promise<number> {
  const { values, positionals } = parseTestArgs(argv);
  if (values.help) {
    const zhHelp = parseLang(values.lang) === 'zh-cn';
    process.stdout.write(zhHelp ? `用法：modelarts-image test FOLDER [选项]\n${TEST_USAGE_ZH}` : `Usage: modelarts-image test FOLDER [options]\n${TEST_USAGE}`);
    return 0;
  }
  const format = values.format;
  if (format !== 'text' && format !== 'json' && format !== 'junit') throw new UsageError(L(
    `--format must be text, json or junit, not "${format}"`,
    `--format 只能是 text、json 或 junit，而不是 "${format}"`));
  if (positionals.length !== 1) throw new UsageError(L(
    'test expects exactly one FOLDER (a model folder with a Dockerfile)',
    'test 只接受一个 FOLDER（含 Dockerfile 的模型目录）'));
  const folder = path.resolve(positionals[0]);
  if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new UsageError(L(`${positionals[0]} is not a folder`, `${positionals[0]} 不是文件夹`));
  const lang = parseLang(values.lang);
  const checkOpts = checkOptionsFrom({ profile: values.profile, rule: values.rule, service: values.service });
  const options = conformanceOptions(values, checkOpts);
  // A printed note rather than a usage error: the same command line may be run under both profiles.
  if (options.deployment?.port !== undefined && (checkOpts.profile ?? 'seed-2021') === 'seed-2021' && options.deployment.port !== 8080) {
    process.stderr.write(`${pick(CLI_TEXTS.portUnused(options.deployment.port), lang)}\n`);
  }

  const staticFindings: Finding[] = checkPaths([folder], { ...checkOpts, port: options.deployment?.port }).findings;
  const cancel = cancelOnSignals(lang);
  const live = format === 'text' && process.stderr.isTTY;
  let report: Report;
  try {
    report = await runConformance(folder, options, {
      signal: cancel.signal,
      onProgress: (c) => {
        if (!live) return;
        if (c.status === 'running') process.stderr.write(`  … ${pick(c.title, lang)}\n`);
      },
      // Told under any text run (CI logs too), not only on a terminal: they are why a probe check fails.
      onProbe: (e) => {
        if (format === 'text') process.stderr.write(probeLine(e, lang));
      },
      onLog: (line, stream) => {
        if (values.verbose) process.stderr.write(`${stream === 'build' ? '[build]' : '[' + stream + ']'} ${line}\n`);
      },
    });
  } catch (e) {
    return failedRun(e, cancel.signal.aborted, format, lang, staticFindings);
  } finally {
    cancel.done();
  }
  printReport(report, format, lang, staticFindings);
  return report.passed ? 0 : 1;
}
