import type { SqlClient } from './ports/sql-transactions';

/**
 * Who the rows of one transaction belong to, for Postgres row-level security: `settings` become
 * transaction-local `current_setting()` values the policies read (`mm.parent_user_id`), and
 * `role` a transaction-local `SET LOCAL ROLE` to a role the policies apply to (a superuser or
 * table owner connection bypasses RLS, so the role is what makes the policies bite).
 *
 * @example
 * await sql.runScoped({ role: 'identity_family', settings: { 'mm.parent_user_id': parentId } }, () => repo.read(childId));
 */
export interface RowScope {
  /** A role the connection may `SET ROLE` to; policies apply to it. Default: the connection's own. */
  role?: string;
  /** Custom settings (`<prefix>.<name>`, lowercase) to values, visible to this transaction only. */
  settings: Record<string, string>;
}

/** Raised for a {@link RowScope} whose role or setting names are not plain identifiers. */
export class InvalidRowScopeError extends Error {
  constructor(problem: string) {
    super(`persistence: invalid row scope (${problem})`);
    this.name = 'InvalidRowScopeError';
  }
}

const ROLE = /^[a-z_][a-z0-9_]{0,62}$/;
const SETTING = /^[a-z_][a-z0-9_]{0,30}\.[a-z_][a-z0-9_]{0,62}$/;
const MAX_VALUE = 512;

/** Throws {@link InvalidRowScopeError} unless every name in `scope` is safe to send. */
export function assertRowScope(scope: RowScope): void {
  if (scope.role !== undefined && !ROLE.test(scope.role)) throw new InvalidRowScopeError(`role ${JSON.stringify(scope.role)}`);
  for (const [name, value] of Object.entries(scope.settings ?? {})) {
    if (!SETTING.test(name)) throw new InvalidRowScopeError(`setting name ${JSON.stringify(name)}`);
    if (typeof value !== 'string' || value.length > MAX_VALUE) throw new InvalidRowScopeError(`value of ${name}`);
  }
}

/** Applies `scope` to the current transaction of `client` (`SET LOCAL ROLE`, `set_config(…, true)`). */
export async function enterRowScope(client: SqlClient, scope: RowScope): Promise<void> {
  if (scope.role) await client.execute(`SET LOCAL ROLE "${scope.role}"`);
  for (const [name, value] of Object.entries(scope.settings)) await client.query('SELECT set_config($1, $2, true) AS v', [name, value]);
}

/** Undoes {@link enterRowScope} for the rest of the transaction (settings emptied, role reset). */
export async function leaveRowScope(client: SqlClient, scope: RowScope): Promise<void> {
  for (const name of Object.keys(scope.settings)) await client.query(`SELECT set_config($1, '', true) AS v`, [name]);
  if (scope.role) await client.execute('RESET ROLE');
}
