// The engine's push stream (one JSON object a line) read as per-layer progress, the pushed digest, or an error
// sorted by what the user can do about it.
import type { Localized } from '../../core/types';
import { pushErrors, type PushErrorKind } from './messages';

export interface LayerProgress {
  id: string;
  /** Preparing, Waiting, Pushing, Pushed, Layer already exists, Mounted from … */
  status: string;
  current: number;
  total: number;
  /** 0–100 (100 once pushed or already there). */
  percent: number;
}

export interface PushMessage {
  id?: string;
  status?: string;
  progressDetail?: { current?: number; total?: number };
  aux?: { Tag?: string; Digest?: string; Size?: number };
  error?: string;
  errorDetail?: { message?: string };
}

const DONE = /^(Pushed|Layer already exists|Mounted from)/;

export class PushProgress {
  readonly layers = new Map<string, LayerProgress>();
  digest?: string;
  manifestSize?: number;
  error?: string;

  /** Takes one message; returns the layer it changed, if any. */
  take(m: PushMessage): LayerProgress | undefined {
    if (m.error || m.errorDetail?.message) {
      this.error = m.errorDetail?.message ?? m.error;
      return undefined;
    }
    if (m.aux?.Digest) {
      this.digest = m.aux.Digest;
      this.manifestSize = m.aux.Size;
      return undefined;
    }
    if (!m.id || !m.status || !/^[0-9a-f]{12}$/.test(m.id)) return undefined;
    const prev = this.layers.get(m.id);
    const done = DONE.test(m.status);
    const current = m.progressDetail?.current ?? prev?.current ?? 0;
    // The engine's total is the layer's size before compression overhead: small layers send a little more.
    const total = Math.max(m.progressDetail?.total ?? prev?.total ?? 0, current);
    const percent = done ? 100 : total > 0 ? Math.min(99, Math.floor((current / total) * 100)) : 0;
    const layer = { id: m.id, status: m.status, current, total, percent };
    this.layers.set(m.id, layer);
    return layer;
  }

  /** Bytes sent so far over all layers (layers already in the registry count as 0). */
  get sentBytes(): number {
    let n = 0;
    for (const l of this.layers.values()) if (!/already exists|Mounted/.test(l.status)) n += l.current;
    return n;
  }
}

/** An HTTP status in an error text, as a whole number: a port such as 127.0.0.1:35073 must not read as 507. */
const status = (code: number) => new RegExp(`(?<![\\d:.])${code}(?![\\d.])`);

/** A push error as the user's next step: which kind, in both languages. `source`: where the credential came from. */
export function classifyPushError(text: string, registry: string, source: string | undefined): { kind: PushErrorKind; message: Localized } {
  const t = text.toLowerCase();
  // A failed dial means no HTTP status was ever received: decide it first, whatever digits the address holds.
  if (/connection refused|no such host|network is unreachable|i\/o timeout|dial tcp/.test(t)) {
    return { kind: 'unreachable', message: pushErrors.unreachable(registry, text) };
  }
  if (/no basic auth credentials|authentication required|unauthorized/.test(t) || status(401).test(t)) {
    return { kind: 'unauthorized', message: source ? pushErrors.unauthorized(registry, source) : pushErrors.noCredentials(registry) };
  }
  if (/denied|forbidden/.test(t) || status(403).test(t)) return { kind: 'denied', message: pushErrors.denied(registry, text) };
  if (/no space left|disk quota|insufficient storage/.test(t) || status(507).test(t)) return { kind: 'full', message: pushErrors.full(text) };
  // SWR's refusal of an OCI index or attestation list, and distribution's of a manifest type it does not take.
  if (/fail to parse 'manifest\.json'|invalid image|manifest invalid|unsupported manifest/.test(t)) {
    return { kind: 'registry', message: pushErrors.manifest(registry, text) };
  }
  if (/connection reset|eof|tls|x509|broken pipe/.test(t)) {
    return { kind: 'unreachable', message: pushErrors.unreachable(registry, text) };
  }
  return { kind: 'registry', message: pushErrors.registry(registry, text) };
}
