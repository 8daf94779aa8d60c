// size: the image against the profile's limit (MA401), with the biggest layers and the Dockerfile line of each.
import { L } from '../../core/i18n';
import { formatBytes } from '../../core/units';
import MA401 from '../../core/rules/image/MA401';
import { SIZE_LIMITS, type Layer } from '../inspect';
import { imageFacts } from './image';
import type { Step } from './step';

const layerLine = (l: Layer) =>
  `${formatBytes(l.size).padStart(10)}  ${l.line ? `line ${l.line}: ` : ''}${(l.instruction ?? l.createdBy).slice(0, 100)}`;

export const sizeStep: Step = {
  id: 'size',
  title: L('Image size', '镜像大小'),
  async run(ctx) {
    const facts = await imageFacts(ctx);
    const limit = ctx.options.sizeLimitBytes ?? SIZE_LIMITS[ctx.profile];
    const table = facts.layers.filter((l) => l.size > 0).slice(0, 8).map(layerLine);
    if (facts.size <= limit) return { status: 'pass', message: `${formatBytes(facts.size)} (limit ${formatBytes(limit)})`, details: table };
    const big = facts.layers.find((l) => l.range);
    ctx.issue('MA401', big?.range ? { dockerfileRange: big.range } : { dockerfile: 'FROM' }, MA401.messages.overLimit(facts.size, ctx.profile, limit, table));
    return { status: 'fail', code: 'MA401', message: MA401.messages.overLimitCheck(facts.size, limit).en, details: table };
  },
};
