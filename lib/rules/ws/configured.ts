import { isPlainObject } from '../values';

/**
 * True when a field is configured in the sense the catalog's "set" means: not absent, null, an
 * empty string or an empty map or list. IaC tools write `""` and `{}` for "nothing", and the
 * API stores neither as a value, so a certain rule that counted them would report a field that
 * has no effect and no presence in the deployed API.
 */
export function isConfigured(value: unknown): boolean {
  if (value === undefined || value === null || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  return !isPlainObject(value) || Object.keys(value).length > 0;
}
