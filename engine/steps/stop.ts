// stop: SIGTERM, as ModelArts sends it, but a short wait (ConformanceOptions.stopTimeoutS): still running then, the
// container is killed and MA410 warns (it fails the run only when the rules setting makes MA410 an error).
import { L } from '../../core/i18n';
import { formatSeconds } from '../../core/units';
import MA410 from '../../core/rules/image/MA410';
import { stopContainer } from '../container';
import { DEFAULT_STOP_TIMEOUT_S, MODELARTS_STOP_GRACE_S } from '../report';
import type { Step } from './step';

/** MA410's texts for a wait of `limitS` after SIGTERM: the check's line (`short`) and the finding (en, zh). */
export function ma410Message(limitS: number): { en: string; zh: string; short: string } {
  const { en, zh } = MA410.messages.stopLate(limitS, MODELARTS_STOP_GRACE_S);
  return { short: MA410.messages.stopLateCheck(limitS, MODELARTS_STOP_GRACE_S).en, en, zh };
}

export const stopStep: Step = {
  id: 'stop',
  title: L('Stop on SIGTERM', '收到 SIGTERM 后停止'),
  async gate(ctx) {
    if (ctx.notStarted) return { skip: 'the container did not start' };
    const state = await ctx.run!.container.inspect().catch(() => undefined);
    if (ctx.options.keep) return { skip: 'kept running (--keep)' };
    return state?.State?.Running ? undefined : { skip: 'the container had already exited' };
  },
  async run(ctx) {
    const limit = ctx.options.stopTimeoutS ?? DEFAULT_STOP_TIMEOUT_S;
    const s = await stopContainer(ctx.run!.container, limit);
    ctx.timings.stop = s.ms;
    if (!s.killed) return { status: 'pass', message: `exited ${formatSeconds(s.ms)} after SIGTERM (code ${s.exitCode})` };
    const m = ma410Message(limit);
    ctx.issue('MA410', { dockerfile: 'CMD' }, { en: m.en, zh: m.zh });
    return { status: ctx.verdictOf('MA410'), code: 'MA410', message: m.short };
  },
};
