// The config.json rules (MA100..MA119). One entry runs the syntax pass, the hand-written rules and the schema
// pass together, so one problem gives one finding.
import type { RawFinding } from '../../core/types';
import { L } from '../../core/i18n';
import type { Rule, ProjectContext } from '../context';
import { syntaxFindings, unreadableFinding, isBroken } from './syntax';
import { semanticFindings } from './semantic';
import { schemaFindings } from './schemaFindings';
import { coded, isolated } from '../isolate';

/** Findings about something missing: unsafe to report while the JSON is broken (the value is only partial). */
const ABOUT_MISSING = new Set(['MA101', 'MA116', 'MA118']);

export function checkConfig(ctx: ProjectContext): RawFinding[] {
  const doc = ctx.config;
  if (!doc) return [];
  if (doc.unreadable) return [unreadableFinding(doc)];
  // Each pass runs in its own try/catch (one pass's bug hides neither the others nor the folder's other rules).
  const out = isolated('MA100 (syntax)', ctx, () => syntaxFindings(doc));
  if (!doc.root) return out;
  if (doc.root.type !== 'object') {
    out.push({ code: 'MA102', file: doc.file, range: doc.rangeOf(doc.root.offset, doc.root.length),
      message: L('config.json must hold a JSON object ({ ... }) with model_algorithm and model_type.', 'config.json 中须是一个 JSON 对象（{ ... }），包含 model_algorithm 与 model_type。') });
    return out;
  }
  const claimed = new Set<string>();
  const rest = [
    ...isolated('MA104-MA118 (config semantics)', ctx, () => semanticFindings(doc, claimed)),
    ...isolated('MA101-MA119 (config schema)', ctx, () => schemaFindings(doc, claimed)),
  ];
  if (!isBroken(doc)) return out.concat(rest);
  // Broken JSON: keep what is safe. Nothing is "missing" in a partial value, and a node that overlaps a syntax
  // error (a string still being typed) is not judged.
  const spans = doc.syntaxErrors.map((e) => [e.offset, e.offset + Math.max(e.length, 1)]);
  const safe = (f: RawFinding) => {
    const a = doc.doc.offsetAt(f.range.start);
    const b = doc.doc.offsetAt(f.range.end);
    return !ABOUT_MISSING.has(f.code) && !spans.some(([s, e]) => a < e && s < Math.max(b, a + 1));
  };
  return out.concat(rest.filter(safe));
}

/** The config rules, in code order. */
export const configRules: Rule[] = [coded('MA1xx', checkConfig)];
