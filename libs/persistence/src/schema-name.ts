/** Raised at start-up for a Postgres schema name that is not a plain lowercase identifier. */
export class InvalidSchemaNameError extends Error {
  constructor(schema: unknown) {
    super(
      `persistence: invalid schema name "${String(schema)}" (expected lowercase letters, digits and _, at most 63, not starting with a digit)`,
    );
    this.name = 'InvalidSchemaNameError';
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Returns `schema` when it is a plain lowercase Postgres identifier, else throws {@link InvalidSchemaNameError}. */
export function assertSchemaName(schema: unknown): string {
  if (typeof schema !== 'string' || !IDENTIFIER.test(schema)) throw new InvalidSchemaNameError(schema);
  return schema;
}

/**
 * Quotes a schema name for SQL, rejecting anything odd.
 *
 * @example
 * quoteSchema('analytics'); // → "analytics" (with the double quotes)
 */
export function quoteSchema(schema: string): string {
  return `"${assertSchemaName(schema)}"`;
}
