// batch: a batch service's entry command and the components ModelArts needs inside the image (MA409).
import { L } from '../../core/i18n';
import MA409 from '../../core/rules/image/MA409';
import { inspectBatch } from '../inspect';
import { imageFacts } from './image';
import type { Step } from './step';
import { SKIP } from '../reportText';

export const batchStep: Step = {
  id: 'batch',
  title: L('Batch entry and components', '批量服务入口和组件'),
  planned: (kind) => kind === 'batch',
  async gate(ctx) {
    await imageFacts(ctx);
    return ctx.report.serviceKind === 'batch' ? undefined : { skip: SKIP.online };
  },
  async run(ctx) {
    const b = await inspectBatch(ctx.engine, ctx.tag, await imageFacts(ctx), (id) => ctx.containers.add(id));
    const missing = [!b.runSh && '/home/run.sh', !b.python && 'python', !b.java && 'java', !b.zip && 'zip'].filter(Boolean) as string[];
    const command = b.commandOk ? undefined : b.command;
    if (!missing.length && command === undefined) return { status: 'pass', message: MA409.messages.ready };
    ctx.issue('MA409', { dockerfile: 'CMD' }, MA409.messages.notBatchReady(missing, command));
    return { status: 'fail', code: 'MA409', message: MA409.messages.notBatchReadyCheck(missing, command) };
  },
};
