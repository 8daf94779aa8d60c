// What a config.json rule file (core/rules/config/MA1xx.ts) exports beyond a RuleModule: the passes of the config
// runner it takes part in. The runner (core/rules/config/index.ts) calls them in a fixed order: `unreadable` (a file
// that cannot be parsed), `syntax`, `notObject` (a root that parses but is no object), then on an object root every
// `semantic` check and the schema pass, which hands each validator error to the `fromSchema` of its code.
import type { ErrorObject } from 'ajv';
import type { JSONPath, Node } from 'jsonc-parser';
import type { Profile, RawFinding } from '../../types';
import type { ConfigDoc } from '../../parse/config';
import type { RuleMeta, RuleModule } from '../../rules/rule';

/**
 * How a finding of this code is judged in a config.json with syntax errors (see trust.ts): `value` judges a value
 * by itself (kept unless it overlaps an error), `shape` judges a value alone in some of its findings (kept when its
 * range is exactly a property's value), `missing` says something is missing (never kept: the value may be partial).
 * Without it, a finding inside a region the parser's recovery guessed is dropped.
 */
export type Trust = 'value' | 'shape' | 'missing';

/** One error of the schema validator, as the schema pass hands it to the rule of its code. */
export interface SchemaHit {
  doc: ConfigDoc;
  error: ErrorObject;
  /** The code the error is reported under (the sub-schema's `x-code`, else the keyword's code). */
  code: string;
  profile: Profile;
  /** Where the error is (ajv's instancePath as a jsonc path), and how that reads in a message. */
  path: JSONPath;
  where: string;
  /** The value node at fault, or its nearest existing ancestor. */
  node: Node;
  value: unknown;
  /** The value when it is a string. */
  text: string | undefined;
  /** The finding as the schema alone tells it (a new object each call): this code, the node's range, a generic message. */
  generic(): RawFinding;
}

/** What a rule reads from one schema error. */
export interface SchemaRead {
  finding: RawFinding;
  /** The spot the finding is about, for "one problem, one finding" (default: the error's instancePath). */
  key?: string;
  /** For an unknown key with a rename fix: the pointer of the field the rename supplies (`/health!url`). */
  supplies?: string;
}

export interface ConfigRule extends RuleModule {
  /** `rank`: when several schema errors hit the same spot, the code of lowest rank wins. */
  meta: RuleMeta & { rank?: number };
  /** One finding for a file that cannot be parsed at all (ConfigDoc.unreadable): nothing else is checked. */
  unreadable?: (doc: ConfigDoc) => RawFinding[];
  syntax?: (doc: ConfigDoc) => RawFinding[];
  /** A root that parses but is not an object (only when the text has no syntax error that makes it a guess). */
  notObject?: (doc: ConfigDoc, root: Node) => RawFinding[];
  /**
   * Checks the schema cannot express, on an object root. `claimed` receives the JSON pointers (ajv instancePaths)
   * reported here, and prefixes ending in "/" that claim a whole subtree, so the schema pass does not report the
   * same problem again.
   */
  semantic?: (doc: ConfigDoc, claimed: Set<string>) => RawFinding[];
  /** Reads a schema error of this code; undefined drops it. Without it the generic finding is reported. */
  fromSchema?: (hit: SchemaHit) => SchemaRead | undefined;
  /** A wrong type where the schema names this code is this code's (its wording covers it), not MA102. */
  schemaTypes?: boolean;
  /** Schema errors at these paths are this code's whatever the sub-schema says (unknown keys stay MA104). */
  schemaScope?: (path: JSONPath) => boolean;
  trust?: Trust;
}

/** What a config rule file hands to defineRule (`defineRule({...} satisfies ConfigRuleIn)`: its parts stay typed). */
export type ConfigRuleIn = Omit<ConfigRule, 'meta'> & { meta: Omit<ConfigRule['meta'], 'doc'> };
