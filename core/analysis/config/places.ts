// Where a key belongs when it is written in the wrong object (`request` at the top level, `timeout_seconds`
// inside an apis entry), and the names people use for a documented key (`f1_score` for `f1`). Both read the
// schema, so a new field is known here as soon as the schema declares it.
import type { Localized } from '../../types';
import { L } from '../../i18n';
import { configSchema, declaredKeys, defn, topLevelProperty, UNDOCUMENTED_TOP_KEYS, type SchemaNode } from '../../schema/configSchema';

interface Place { keys: string[]; where: Localized }

const PLACES: Place[] = [
  { keys: declaredKeys(configSchema).filter((k) => !UNDOCUMENTED_TOP_KEYS.has(k)), where: L('at the top level of config.json', 'config.json 的顶层') },
  { keys: declaredKeys(defn('api')), where: L('inside an apis entry (apis[i])', 'apis 的某一项（apis[i]）中') },
  { keys: declaredKeys(defn('message')), where: L('inside apis[i].request or apis[i].response', 'apis[i].request 或 apis[i].response 中') },
  { keys: declaredKeys(defn('health')), where: L('inside health', 'health 中') },
  { keys: declaredKeys(defn('dependency')), where: L('inside a dependencies entry', 'dependencies 的某一项中') },
  { keys: declaredKeys(defn('package')), where: L('inside dependencies[i].packages[j]', 'dependencies[i].packages[j] 中') },
  { keys: declaredKeys(topLevelProperty('metrics')), where: L('inside metrics', 'metrics 中') },
];

/** The places other than the object `here` (its schema) that declare `key`, as one phrase; undefined when none. */
export function placeOf(key: string, here: SchemaNode | undefined): Localized | undefined {
  const own = declaredKeys(here).join(',');
  const found = PLACES.filter((p) => p.keys.join(',') !== own && p.keys.includes(key));
  if (!found.length) return undefined;
  return L(found.map((p) => p.where.en).join(' or '), found.map((p) => p.where.zh).join('或'));
}

/** `F1_Score`, `recall-score`, `Content_type` -> `f1`, `recall`, `contenttype`: case, separators and a score suffix dropped. */
const normalize = (k: string): string => k.toLowerCase().replace(/[-_ ]?score$/, '').replace(/[-_ ]/g, '');
const ALIASES: Record<string, string> = { acc: 'accuracy', f1measure: 'f1', fmeasure: 'f1', prec: 'precision' };

/** The known key that `key` names in another spelling, if exactly one does. */
export function aliasOf(key: string, known: readonly string[]): string | undefined {
  const n = normalize(key);
  const hits = known.filter((k) => k !== key && (normalize(k) === n || ALIASES[n] === k));
  return hits.length === 1 ? hits[0] : undefined;
}
