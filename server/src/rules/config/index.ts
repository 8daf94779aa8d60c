// The config.json rules (MA100..MA119). One entry runs the syntax pass, the hand-written rules and the schema
// pass together, so one problem gives one finding.
import type { RawFinding } from '../../core/types';
import { L } from '../../core/i18n';
import type { Rule, ProjectContext } from '../context';
import { syntaxFindings, unreadableFinding, isBroken } from './syntax';
import { semanticFindings } from './semantic';
import { schemaFindings } from './schemaFindings';

/** Findings about something missing: unsafe to report while the JSON is broken (the value is only partial). */
const ABOUT_MISSING = new Set(['MA101', 'MA116', 'MA118']);

export function checkConfig(ctx: ProjectContext): RawFinding[] {
  const doc = ctx.config;
  if (!doc) return [];
  if (doc.unreadable) return [unreadableFinding(doc)];
  const out = syntaxFindings(doc);
  if (!doc.root) return out;
  if (doc.root.type !== 'object') {
    out.push({ code: 'MA102', file: doc.file, range: doc.rangeOf(doc.root.offset, doc.root.length),
      message: L('config.json must hold a JSON object ({ ... }) with model_algorithm and model_type.', 'config.json 中须是一个 JSON 对象（{ ... }），包含 model_algorithm 与 model_type。') });
    return out;
  }
  const claimed = new Set<string>();
  const rest = [...semanticFindings(doc, claimed), ...schemaFindings(doc, claimed)];
  return out.concat(isBroken(doc) ? rest.filter((f) => !ABOUT_MISSING.has(f.code)) : rest);
}

/** The config rules, in code order. */
export const configRules: Rule[] = [checkConfig];
