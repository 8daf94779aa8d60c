// What Run Container in the editor says of its probe (the status bar follows the same outcome): the problem the
// start and health steps would report for it, in one line — MA403, MA404 or MA405 — or undefined when it served.
import { seconds } from '../../core/units';
import type { Localized } from '../../core/types';
import MA403 from '../../core/rules/image/MA403';
import MA404 from '../../core/rules/image/MA404';
import MA405 from '../../core/rules/image/MA405';
import type { ProbeOutcome } from '../probe';

export function probeProblem(outcome: ProbeOutcome, healthUrl: string): Localized | undefined {
  if (outcome.kind === 'exited') return MA403.messages.exitedNotice(outcome.exitCode);
  if (outcome.kind === 'no-port') return MA404.messages.noAnswerNotice(seconds(outcome.afterMs));
  if (outcome.kind === 'bad-health') return MA405.messages.badAnswerNotice(healthUrl);
  return undefined;
}
