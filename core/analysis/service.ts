// Online or batch? The setting wins, then a `# modelarts-service: batch|online` comment in the Dockerfile,
// then the start command: running /home/run.sh (the batch entry of the spec) means batch. Otherwise online.
// The static rules, the conformance run and the Test Explorer all decide here.
import type { ServiceKind } from '../types';
import type { ImageModel } from './image';
import { imageModel, rawContentOf } from './image';
import { parseDockerfile } from '../parse/dockerfile';

export interface ServiceDecision { kind: ServiceKind; reason: 'setting' | 'comment' | 'command' | 'default' }

/** A start command (Dockerfile arguments, or an image's ENTRYPOINT + CMD joined) that runs the batch entry. */
export const runsBatchEntry = (command: string): boolean => /\/home\/run\.sh\b/.test(command);

export function serviceKind(m: ImageModel, opts: { serviceKind?: ServiceKind }): ServiceDecision {
  if (opts.serviceKind) return { kind: opts.serviceKind, reason: 'setting' };
  const c = /^[ \t]*#[ \t]*modelarts-service:[ \t]*(batch|online)\b/im.exec(m.doc.text);
  if (c) return { kind: c[1].toLowerCase() as ServiceKind, reason: 'comment' };
  for (const ins of [m.entrypoint, m.cmd]) {
    if (ins && runsBatchEntry(rawContentOf(ins))) return { kind: 'batch', reason: 'command' };
  }
  return { kind: 'online', reason: 'default' };
}

/** The same decision from a Dockerfile's text (undefined: no readable Dockerfile, so online unless forced). */
export function serviceKindOfText(file: string, text: string | undefined, forced?: ServiceKind): ServiceDecision {
  if (forced) return { kind: forced, reason: 'setting' };
  if (text === undefined) return { kind: 'online', reason: 'default' };
  return serviceKind(imageModel(parseDockerfile(file, text)), {});
}
