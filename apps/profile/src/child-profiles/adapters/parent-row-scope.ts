import type { SqlClient, SqlTransactions } from '@mikasmissions/persistence';

/** The Postgres setting row-level security on `profile.child_profiles` compares `parent_user_id` with. */
export const ACTING_PARENT_SETTING = 'mm.parent_user_id';
/** The setting that lets the `/internal` lookup see every family (value `service`). */
export const SERVICE_BYPASS_SETTING = 'mm.rls_bypass';

/**
 * Row-level security for the profile tables, set per transaction: {@link asParent} runs work in
 * a transaction (the caller's, or a new one) whose first statement is
 * `set_config('mm.parent_user_id', $1, true)`, so the policy of the init migration shows and
 * accepts only that parent's rows. {@link asService} is for the `/internal` lookup alone.
 * `true` makes both settings local to the transaction: a pooled connection never carries them
 * to the next caller. Kept in apps/profile until libs/persistence has a per-transaction setting.
 *
 * @example
 * const rows = await scope.asParent(parentUserId, (db) => db.query(`SELECT … FROM profile.child_profiles`));
 */
export class ParentRowScope {
  constructor(private readonly sql: SqlTransactions) {}

  /** Runs `fn` where only `parentUserId`'s rows exist. */
  asParent<T>(parentUserId: string, fn: (db: SqlClient) => Promise<T>): Promise<T> {
    return this.sql.run(async () => {
      const db = this.sql.client();
      await db.query(`SELECT set_config('${ACTING_PARENT_SETTING}', $1, true), set_config('${SERVICE_BYPASS_SETTING}', '', true)`, [parentUserId]);
      return fn(db);
    });
  }

  /** Runs `fn` with the service bypass (every family's rows); the bypass is cleared again before the transaction goes on. */
  asService<T>(fn: (db: SqlClient) => Promise<T>): Promise<T> {
    return this.sql.run(async () => {
      const db = this.sql.client();
      await db.query(`SELECT set_config('${ACTING_PARENT_SETTING}', '', true), set_config('${SERVICE_BYPASS_SETTING}', 'service', true)`);
      const result = await fn(db);
      await db.query(`SELECT set_config('${SERVICE_BYPASS_SETTING}', '', true)`);
      return result;
    });
  }
}
