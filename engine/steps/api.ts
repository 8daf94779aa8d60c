// api METHOD url: one step per `apis` entry — a test request, its status and time (MA406), its size (MA411), the
// answer against the declared response (MA407). A folder without apis gets one skipped "APIs" check.
import * as path from 'node:path';
import type Docker from 'dockerode';
import { L } from '../../core/i18n';
import type { Localized } from '../../core/types';
import { formatBytes } from '../../core/units';
import MA403 from '../../core/rules/image/MA403';
import MA406 from '../../core/rules/image/MA406';
import { testApi, type ApiResult, type ApiSpec } from '../infer';
import { permissionCause } from './user';
import { GENERATED } from '../samples';
import { join, SKIP } from '../reportText';
import type { Gate, RunContext, Step, StepResult } from './step';

/** The container's exit code if it ends within ms (the engine may record a kill a moment after the reset). */
async function exitedWithin(container: Docker.Container, ms: number): Promise<number | undefined> {
  const ac = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      container.wait({ abortSignal: ac.signal } as object).then((w: { StatusCode?: number }) => w.StatusCode ?? -1, () => undefined),
      new Promise<undefined>((res) => (timer = setTimeout(() => res(undefined), ms))),
    ]);
  } finally {
    clearTimeout(timer);
    ac.abort();
  }
}

/** Not run when the container never started (the report then has no api checks at all), nor before it is ready. */
const gate = (ctx: RunContext): Gate =>
  (ctx.notStarted ? 'omit' : !ctx.served ? { skip: SKIP.notServed } : ctx.notReady ? { skip: ctx.notReady } : undefined);

/** What a failed answer's context adds: the container's end (OOM included) during the request, a permission error. */
async function causes(ctx: RunContext, r: ApiResult, text: Localized): Promise<Localized> {
  const run = ctx.run!;
  // A reset or timeout because the container died is its stop, not a slow api: say so.
  if (r.code === 'MA406' && r.status === undefined) {
    const code = await exitedWithin(run.container, 1000);
    if (code === undefined) return text;
    text = join(text, MA406.messages.stoppedDuring(code));
    const info = await run.container.inspect().catch(() => undefined);
    if (info?.State?.OOMKilled) text = join(text, MA403.messages.outOfMemory(info.HostConfig?.Memory ? formatBytes(info.HostConfig.Memory) : undefined));
  }
  if (r.code === 'MA406' && (r.status ?? 0) >= 500) {
    // The server logs its error as it answers; the log stream trails by a moment.
    await new Promise((res) => setTimeout(res, 300));
    const why = permissionCause(ctx, ctx.lastLines());
    if (why) text = join(text, L('.', '。'), why);
  }
  return text;
}

/** How the run sends an api's test request (the graceful-stop check sends one more). */
export const inferOptions = (ctx: RunContext) => {
  const o = ctx.options;
  return {
    port: ctx.run!.hostPort!, configDir: path.dirname(ctx.folder.configPath ?? ctx.folder.dir), signal: ctx.signal, requestLimitMs: o.requestLimitMs,
    requestTimeoutMs: o.requestTimeoutMs, maxRequestBytes: o.maxRequestBytes, maxAnswerBytes: o.maxAnswerBytes,
  };
};

async function call(ctx: RunContext, api: ApiSpec, id: string): Promise<StepResult> {
  const r = await testApi(api, inferOptions(ctx));
  ctx.timings[id] = r.ms;
  const details = [API_TEXTS.request(r.requestSource, r.requestBytes), ...(r.preview !== undefined ? [API_TEXTS.answer(r.preview)] : [])];
  if (r.note) ctx.issue('MA411', { config: ['apis', api.index, 'url'] }, r.note, undefined, 'info');
  const noted = r.note ? join(L('; MA411 info: ', '；MA411 提示：'), r.note) : '';
  if (r.ok || !r.code || !r.finding) return { status: 'pass', message: join(r.message, noted), details };
  const text = await causes(ctx, r, r.finding);
  ctx.issue(r.code, { config: ['apis', api.index, r.code === 'MA407' ? 'response' : 'url'] }, text);
  return { status: 'fail', code: r.code, message: join(text, noted), details: [...details, ...ctx.lastDetails().slice(-8)] };
}

const API_TEXTS = {
  request: (source: string, bytes: number) => source === GENERATED
    ? L(`request: ${source}, ${bytes} bytes`, `请求：由 request.data 生成，${bytes} 字节`)
    : L(`request: ${source}, ${bytes} bytes`, `请求：${source}，${bytes} 字节`),
  answer: (preview: Localized) => L(`answer: ${preview.en}`, `应答：${preview.zh}`),
};

export function apiStep(api: ApiSpec): Step {
  const id = `api ${api.method} ${api.url}`;
  return { id, title: L(id, `接口 ${api.method} ${api.url}`), gate, run: (ctx) => call(ctx, api, id) };
}

export const noApisStep: Step = {
  id: 'api',
  title: L('APIs', '接口'),
  planned: () => false,
  gate: (ctx) => (ctx.notStarted ? 'omit' : undefined),
  run: async () => ({ status: 'skip', message: SKIP.noApis }),
};
