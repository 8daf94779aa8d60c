// Types of the generated standalone validator of the deployment file (scripts/gen-validator.mjs).
import type { ErrorObject } from 'ajv';

export interface GeneratedValidator {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}
export declare const validate: GeneratedValidator;
export default validate;
