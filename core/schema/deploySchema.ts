// The JSON Schema of the deployment file (schemas/deploy.schema.json), validated by ajv code generated from it at
// build time (scripts/gen-validator.mjs), like config.json's. The deployment rules (MA121, MA122), completion and
// hover read this file.
import type { ErrorObject } from 'ajv';
import schemaJson from '../../schemas/deploy.schema.json';
import validateFn from './generated/deployValidator.js';
import type { Lang, Localized } from '../types';
import { localize, type SchemaNode } from './configSchema';

// A private copy, as for config.json: the language service resolves $refs in place in what it is given.
const deploySchema = structuredClone(schemaJson) as unknown as SchemaNode;

export function validateDeploy(value: unknown): ErrorObject[] {
  return validateFn(value) ? [] : [...(validateFn.errors ?? [])];
}

/** The deployment file's schema in one UI language, for completion and hover (a fresh copy each call). */
export const localizedDeploySchema = (lang: Lang, ruleTitle?: (code: string) => Localized | undefined): SchemaNode =>
  localize(deploySchema, lang, ruleTitle);
