// The config.json rules (MA100..MA119). One entry runs the syntax pass, the hand-written rules and the schema
// pass together, so one problem gives one finding.
import type { RawFinding } from '../../core/types';
import type { Rule, ProjectContext } from '../context';
import { syntaxFindings, unreadableFinding, isBroken } from './syntax';
import { semanticFindings } from './semantic';
import { schemaFindings } from './schemaFindings';
import { nonObjectRootFinding } from './root';
import { trustedFindings } from './trust';

export function checkConfig(ctx: ProjectContext): RawFinding[] {
  const doc = ctx.config;
  if (!doc) return [];
  if (doc.unreadable) return [unreadableFinding(doc)];
  const out = syntaxFindings(doc);
  if (!doc.root) return out;
  if (doc.root.type !== 'object') {
    // Broken and not an object: what it was meant to be is a guess; the syntax findings say enough.
    if (!isBroken(doc)) out.push(nonObjectRootFinding(doc, doc.root));
    return out;
  }
  const claimed = new Set<string>();
  const rest = [...semanticFindings(doc, claimed), ...schemaFindings(doc, claimed)];
  return out.concat(isBroken(doc) ? trustedFindings(doc, rest) : rest);
}

/** The config rules, in code order. */
export const configRules: Rule[] = [checkConfig];
