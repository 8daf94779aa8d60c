// platform: ModelArts runs linux/amd64 images (MA402).
import { L } from '../../core/i18n';
import MA402 from '../../core/rules/image/MA402';
import { imageFacts } from './image';
import type { Step } from './step';
import { same } from '../reportText';

export const platformStep: Step = {
  id: 'platform',
  title: L('Platform linux/amd64', '平台 linux/amd64'),
  async run(ctx) {
    const f = await imageFacts(ctx);
    const p = `${f.os}/${f.architecture}${f.variant ? '/' + f.variant : ''}`;
    if (f.os === 'linux' && f.architecture === 'amd64') return { status: 'pass', message: same(p) };
    ctx.issue('MA402', { dockerfile: 'FROM' }, MA402.messages.notAmd64(p));
    return { status: 'fail', code: 'MA402', message: MA402.messages.notAmd64Check(p) };
  },
};
