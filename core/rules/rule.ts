// What a rule is: one file per code (core/rules/<family>/MAxxx.ts) holding its meta, its messages (en + zh, in one
// place), and its check. The registry (registry.ts) lists every rule file; the catalogue, the README's rule table
// and the rule index are derived from the metas.
import type { Localized, Profile, RawFinding, Severity } from '../types';
import type { ProjectContext } from '../context';

type Family = 'config' | 'deploy' | 'dockerfile' | 'project' | 'image';

export interface RuleMeta {
  code: string;
  family: Family;
  /** Default severity; may depend on the spec profile. */
  severity: Severity | ((profile: Profile) => Severity);
  title: Localized;
  /** The rule's page, relative to the repository root. */
  doc: string;
}

/** A message is a fixed text or a function of what the rule found; both languages live side by side. */
type Message = Localized | ((...args: never[]) => Localized);
export type Messages = Record<string, Message>;

export interface RuleModule<M extends Messages = Messages> {
  meta: RuleMeta;
  messages: M;
  /**
   * Looks at what it needs in the context and returns what it found. Absent for codes reported by a family pass
   * (config: the syntax/schema passes) or by the conformance run (image: MA4xx).
   */
  check?: (ctx: ProjectContext) => RawFinding[];
}

type MetaIn = Omit<RuleMeta, 'doc'>;

/** Declares a rule; the doc path follows from the code. */
export function defineRule<M extends Messages, R extends Omit<RuleModule<M>, 'meta'> & { meta: MetaIn }>(rule: R & { messages: M }): R & { meta: RuleMeta } {
  return { ...rule, meta: { ...rule.meta, doc: `docs/rules/${rule.meta.code}.md` } };
}
