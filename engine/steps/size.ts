// size: the image against the deployment's limit (MA401: 10 GB seed-2021, 50 GB current, 30 GB on Open Telekom
// Cloud; --size-limit overrides), with the biggest layers and the Dockerfile line of each.
import { L } from '../../core/i18n';
import type { Localized } from '../../core/types';
import { formatBytes } from '../../core/units';
import MA401 from '../../core/rules/image/MA401';
import type { Layer } from '../inspect';
import { imageFacts } from './image';
import type { RunContext, Step } from './step';

const layerLine = (l: Layer): Localized => {
  const size = formatBytes(l.size).padStart(10), what = (l.instruction ?? l.createdBy).slice(0, 100);
  if (l.base) return L(`${size}  ${what}`, `${size}  FROM（基础镜像的各层）`);
  return L(`${size}  ${l.line ? `line ${l.line}: ` : ''}${what}`, `${size}  ${l.line ? `第 ${l.line} 行：` : ''}${what}`);
};

/** The limit and why it applies. */
function limitOf(ctx: RunContext) {
  const m = MA401.messages;
  if (ctx.options.sizeLimitBytes !== undefined) return { limit: ctx.options.sizeLimitBytes, why: m.limitByFlag };
  const why = ctx.profile === 'seed-2021' ? m.limitSeed : ctx.deployment.cloud === 'otc' ? m.limitOtc : m.limitCurrent;
  return { limit: ctx.deployment.sizeLimitBytes, why };
}

export const sizeStep: Step = {
  id: 'size',
  title: L('Image size', '镜像大小'),
  async run(ctx) {
    const facts = await imageFacts(ctx);
    const { limit, why } = limitOf(ctx);
    const table = facts.layers.filter((l) => l.size > 0).slice(0, 8).map(layerLine);
    if (facts.size <= limit) return { status: 'pass', message: MA401.messages.within(facts.size, limit, why), details: table };
    const big = facts.layers.find((l) => l.range);
    const where = big?.range ? { dockerfileRange: big.range } : { dockerfile: 'FROM' as const };
    ctx.issue('MA401', where, MA401.messages.overLimit(facts.size, limit, why, table));
    return { status: 'fail', code: 'MA401', message: MA401.messages.overLimitCheck(facts.size, limit, why), details: table };
  },
};
