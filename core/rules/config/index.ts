// The config.json rules (MA100..MA119). One entry runs the syntax pass, the hand-written rules and the schema
// pass together, so one problem gives one finding.
import type { RawFinding } from '../../types';
import type { Rule, ProjectContext } from '../context';
import { syntaxFindings, unreadableFinding, isBroken } from './syntax';
import { semanticFindings } from './semantic';
import { schemaFindings } from './schemaFindings';
import { nonObjectRootFinding } from './root';
import { trustedFindings } from './trust';
import { coded, isolated } from '../isolate';

export function checkConfig(ctx: ProjectContext): RawFinding[] {
  const doc = ctx.config;
  if (!doc) return [];
  if (doc.unreadable) return [unreadableFinding(doc)];
  // Each pass runs in its own try/catch (one pass's bug hides neither the others nor the folder's other rules).
  const out = isolated('MA100 (syntax)', ctx, () => syntaxFindings(doc));
  if (!doc.root) return out;
  if (doc.root.type !== 'object') {
    // Broken and not an object: what it was meant to be is a guess; the syntax findings say enough.
    if (!isBroken(doc)) out.push(nonObjectRootFinding(doc, doc.root));
    return out;
  }
  const claimed = new Set<string>();
  const rest = [
    ...isolated('MA104-MA118 (config semantics)', ctx, () => semanticFindings(doc, claimed)),
    ...isolated('MA101-MA119 (config schema)', ctx, () => schemaFindings(doc, claimed, ctx.opts.profile)),
  ];
  return out.concat(isBroken(doc) ? trustedFindings(doc, rest) : rest);
}

/** The config rules, in code order. */
export const configRules: Rule[] = [coded('MA1xx', checkConfig)];
