// keep-alive (current only): a second request on a kept-alive connection after an idle pause (MA412). The pause
// starts as soon as the container serves and runs while the health and api checks run, so a correct image rarely
// waits for it here.
import { L } from '../../core/i18n';
import MA412 from '../../core/rules/image/MA412';
import { probeKeepAlive } from '../keepAlive';
import type { Step, StepResult } from './step';
import { join, SKIP } from '../reportText';

/** Long enough for gunicorn's 2 s and uvicorn's and Node's 5 s defaults; the gateway keeps connections 200 s. */
const KEEP_ALIVE_IDLE_MS = 6000;

export const keepAliveStep: Step = {
  id: 'keep-alive',
  title: L('Keep-alive', '长连接复用'),
  planned: () => false,
  begin(ctx) {
    if (ctx.profile !== 'current' || !ctx.served || !ctx.run?.hostPort) return;
    const ac = new AbortController();
    ctx.signal?.addEventListener('abort', () => ac.abort(), { once: true });
    const idle = ctx.options.keepAliveIdleMs ?? KEEP_ALIVE_IDLE_MS;
    // A GET on the path a probe calls (it needs no body), else on /.
    const url = ctx.deployment.probes.find((p) => p.method === 'HTTP')?.url ?? '/';
    ctx.keepAlive = { result: probeKeepAlive(ctx.run.hostPort, url, idle, ac.signal), stop: () => ac.abort() };
  },
  gate(ctx) {
    if (ctx.profile !== 'current') return 'omit';
    // Not ready: ModelArts would send it no request, so how it keeps connections does not matter yet.
    if (ctx.notReady) return { skip: ctx.notReady };
    return ctx.keepAlive ? undefined : { skip: SKIP.notServed };
  },
  async run(ctx): Promise<StepResult> {
    const r = await ctx.keepAlive!.result;
    const m = MA412.messages;
    switch (r.kind) {
      case 'reused':
        return { status: 'pass', message: m.reused(r.idleMs, r.status) };
      case 'close-header':
        ctx.issue('MA412', { dockerfile: 'CMD' }, m.closes(r.header), undefined, 'info');
        return { status: 'pass', message: join(L('MA412 info: ', 'MA412 提示：'), m.closesCheck(r.header)) };
      case 'closed-idle':
        ctx.issue('MA412', { dockerfile: 'CMD' }, m.closedIdle(r.closedAfterMs));
        return { status: ctx.verdictOf('MA412'), code: 'MA412', message: m.closedIdleCheck(r.closedAfterMs) };
      case 'reset':
        ctx.issue('MA412', { dockerfile: 'CMD' }, m.reset(r.idleMs, r.why));
        return { status: ctx.verdictOf('MA412'), code: 'MA412', message: m.resetCheck(r.idleMs, r.why) };
      case 'failed':
        return { status: 'skip', message: L(`no answer to the first request: ${r.why}`, `第一个请求没有应答：${r.why}`) };
      default:
        return { status: 'skip', message: SKIP.cancelled };
    }
  },
};
