// MA404 as the start step reports it: what the container listens on instead (when its /proc/net could be read),
// and the static findings that already named the cause (MA202 bind address, MA203 port), linked as related lines.
import * as path from 'node:path';
import { checkModelFolder } from '../../core/check';
import type { Finding, Localized, Related } from '../../core/types';
import MA404 from '../../core/rules/image/MA404';
import { formatListeners, isLoopbackHost, type ListenCause } from '../listeners';
import type { ProbeOutcome } from '../probe';
import type { RunContext, StepResult } from './step';
import { join } from '../reportText';

type NoPort = Extract<ProbeOutcome, { kind: 'no-port' }>;

/** A loopback bind is MA202's, another port MA203's; when nothing was read, either. */
function causeCodes(c?: ListenCause): string[] {
  if (!c) return ['MA202', 'MA203'];
  if (c.kind === 'loopback') return ['MA202'];
  return c.listeners.some((l) => isLoopbackHost(l.host)) ? ['MA202', 'MA203'] : ['MA203'];
}

/** The folder's static findings of those codes (core's check, with the run's profile and rules). */
function staticCauses(ctx: RunContext, cause?: ListenCause): Finding[] {
  const codes = causeCodes(cause);
  try {
    const o = ctx.options;
    const opts = { profile: ctx.profile, rules: o.rules ?? {}, configFiles: [], serviceKind: o.serviceKind, port: o.deployment?.port };
    return checkModelFolder(ctx.folder, opts).filter((f) => codes.includes(f.code));
  } catch {
    return [];
  }
}

/** The finding's and the check's texts: the observed cause, else the wait (the probe's budget or the start timeout). */
function texts(ctx: RunContext, o: NoPort): { message: Localized; check: Localized } {
  const c = o.listening;
  const m = MA404.messages;
  const port = ctx.deployment.port;
  if (!c) return { message: m.noAnswer(port, o.waitedMs, o.last?.message), check: m.noAnswerCheck(port, o.waitedMs) };
  const addrs = formatListeners(c.listeners);
  return { message: m.seen(port, c.kind, addrs, o.afterMs), check: m.seenCheck(port, c.kind, addrs) };
}

/** The line a static finding names: the code that sets the value (its first related location), else its own. */
function causeLine(f: Finding): Related {
  const at = f.related?.[0] ?? f;
  return { file: at.file, range: at.range, message: MA404.messages.staticHere(f.code) };
}

export function noAnswer(ctx: RunContext, o: NoPort, durationMs: number): StepResult {
  const t = texts(ctx, o);
  const found = staticCauses(ctx, o.listening);
  const related = found.map(causeLine);
  if (found.length) {
    const where = related.map((r, i) => `${found[i].code} (${path.relative(ctx.folder.dir, r.file)}:${r.range.start.line + 1})`).join(', ');
    const extra = MA404.messages.staticCause(where);
    t.message = join(t.message, extra);
    t.check = join(t.check, MA404.messages.staticCauseCheck(where));
  }
  ctx.issue('MA404', { dockerfile: 'CMD' }, t.message, related);
  return { durationMs, status: 'fail', code: 'MA404', message: t.check, details: ctx.lastDetails() };
}
