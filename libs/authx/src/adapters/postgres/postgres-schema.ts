/** The schema AuthX's tables live in unless `AuthxOptions.schema` names another. */
export const DEFAULT_AUTHX_SCHEMA = 'identity';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * Quotes a Postgres schema name for AuthX's SQL (`identity` → `"identity"`), rejecting
 * anything but a lower-case identifier (letters, digits, `_`, at most 63), so a schema name
 * can never inject SQL.
 *
 * @example
 * const sessions = `${quoteSchema('identity')}."sessions"`;
 */
export function quoteSchema(schema: string): string {
  if (!IDENTIFIER.test(schema))
    throw new Error(`authx: invalid schema name "${schema}" (expected a lower-case SQL identifier, e.g. identity)`);
  return `"${schema}"`;
}
