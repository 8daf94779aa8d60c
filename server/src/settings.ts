// The `modelarts.*` settings of the language server; reading them into CheckOptions is core's (core/settings.ts).
import type { CheckOptions } from '../../core/types';

/** True when two option sets check the same way (avoids re-checking everything on unrelated setting changes). */
export function sameOptions(a: CheckOptions, b: CheckOptions): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
