// logs: ModelArts shows only stdout/stderr (MA408). Checked only once the container served: a crash or a silent
// port is already reported.
import { L } from '../../core/i18n';
import MA408 from '../../core/rules/image/MA408';
import type { Step } from './step';
import { SKIP } from '../reportText';

export const logsStep: Step = {
  id: 'logs',
  title: L('Logs on stdout/stderr', '标准输出/标准错误日志'),
  gate: (ctx) => (ctx.notStarted ? { skip: SKIP.notStarted } : ctx.served ? undefined : { skip: SKIP.notServed }),
  async run(ctx) {
    const logs = ctx.logs!;
    // Output may trail the last answer by a moment; wait for it only when there is none yet.
    if (logs.bytes === 0) await logs.drained(500);
    if (logs.bytes > 0) return { status: 'pass', message: L(`${logs.bytes} bytes of log output`, `日志输出 ${logs.bytes} 字节`) };
    ctx.issue('MA408', { dockerfile: 'CMD' }, MA408.messages.silent);
    return { status: 'fail', code: 'MA408', message: MA408.messages.silentCheck };
  },
};
