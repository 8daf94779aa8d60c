// Readings of schema errors that several config rules share.
import type { Localized, RawFinding } from '../../types';
import { L } from '../../i18n';
import type { SchemaHit } from './rule';
import { keyNode, rangeOfNode } from './paths';
import { fix, replaceNode } from './edits';

const messages = {
  noSlash: (where: string, text: string) => L(`${where} "${text}" must start with "/". Write it as "/${text}".`,
    `${where} "${text}" 必须以 "/" 开头，应写为 "/${text}"。`),
  slashFix: (text: string) => L(`Change to "/${text}"`, `改为 "/${text}"`),
};

/**
 * A path that must start with "/" (an api's url, the health url; MA111, MA113): a failed `pattern` on a string,
 * said with the "/" added as a fix. Undefined for other errors.
 */
export function leadingSlash(hit: SchemaHit): RawFinding | undefined {
  if (hit.error.keyword !== 'pattern' || hit.text === undefined) return undefined;
  const f = hit.generic();
  f.message = messages.noSlash(hit.where, hit.text);
  f.fixes = [fix(messages.slashFix(hit.text), [replaceNode(hit.doc, hit.node, '/' + hit.text)])];
  return f;
}

/**
 * A key the schema forbids where it is (`not`: runtime or dependencies on an Image model; MA106, MA110), reported at
 * the key with the rule's message. Other errors keep the generic finding.
 */
export function forbiddenKey(hit: SchemaHit, key: string, message: Localized): RawFinding {
  const f = hit.generic();
  if (hit.error.keyword !== 'not') return f;
  f.range = rangeOfNode(hit.doc, keyNode(hit.doc, hit.path.slice(0, -1), key) ?? hit.node);
  f.message = message;
  return f;
}
