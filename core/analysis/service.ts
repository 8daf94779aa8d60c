// Online or batch? The setting wins, then a `# modelarts-service: batch|online` comment in the Dockerfile,
// then the start command: running /home/run.sh (the batch entry of the spec) means batch. Otherwise online.
import type { CheckOptions, ServiceKind } from '../types';
import type { ImageModel } from './image';
import { rawContentOf } from './image';

export interface ServiceDecision { kind: ServiceKind; reason: 'setting' | 'comment' | 'command' | 'default' }

export function serviceKind(m: ImageModel, opts: CheckOptions): ServiceDecision {
  if (opts.serviceKind) return { kind: opts.serviceKind, reason: 'setting' };
  const c = /^[ \t]*#[ \t]*modelarts-service:[ \t]*(batch|online)\b/im.exec(m.doc.text);
  if (c) return { kind: c[1].toLowerCase() as ServiceKind, reason: 'comment' };
  for (const ins of [m.entrypoint, m.cmd]) {
    if (ins && /\/home\/run\.sh\b/.test(rawContentOf(ins))) return { kind: 'batch', reason: 'command' };
  }
  return { kind: 'online', reason: 'default' };
}
