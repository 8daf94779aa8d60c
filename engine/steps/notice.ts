// What Run Container in the editor says of its probe (the status bar follows the same outcome): the problem the
// start and probe steps would report for it, in one line — MA403, MA404 or MA405 — or undefined when it served.
import { seconds } from '../../core/units';
import type { Localized, Profile } from '../../core/types';
import MA403 from '../../core/rules/image/MA403';
import MA404 from '../../core/rules/image/MA404';
import MA405 from '../../core/rules/image/MA405';
import type { ProbeOutcome } from '../probe';
import { formatListeners } from '../listeners';

/** `port`: the container's service port (the deployment's). */
export function probeProblem(outcome: ProbeOutcome, port: number, profile: Profile): Localized | undefined {
  if (outcome.kind === 'exited') return MA403.messages.exitedNotice(outcome.exitCode);
  if (outcome.kind === 'no-port') return noPortNotice(outcome, port);
  if (outcome.kind === 'bad-health') return MA405.messages.failedNotice(outcome.failed.probe, profile);
  return undefined;
}

/** What the container listens on instead (its /proc/net/tcp), when the probe saw it; else the plain notice. */
function noPortNotice(outcome: Extract<ProbeOutcome, { kind: 'no-port' }>, port: number): Localized {
  const c = outcome.listening, m = MA404.messages;
  if (!c) return m.noAnswerNotice(port, seconds(outcome.afterMs));
  return m.seenNotice(port, c.kind, formatListeners(c.listeners), outcome.afterMs);
}
