import type { SqlClient, SqlTransactions } from '@mikasmissions/persistence';

/** The Postgres setting row-level security on `profile.child_profiles` compares `parent_user_id` with. */
export const ACTING_PARENT_SETTING = 'mm.parent_user_id';
/** The setting that lets the `/internal` lookup see every family (value `service`). */
export const SERVICE_BYPASS_SETTING = 'mm.rls_bypass';
/** The role each scoped transaction runs as, so the policies bind even a superuser connection (migration `*_profile_family_role`). */
export const PROFILE_FAMILY_ROLE = 'profile_family';

/**
 * Row-level security for the profile tables, set per transaction: {@link asParent} runs work in
 * a transaction (the caller's, or a new one) whose first statement is
 * `SET LOCAL ROLE profile_family` and `set_config('mm.parent_user_id', $1, true)`
 * (`SqlTransactions.runScoped`), so the policy of the init migration shows and accepts only that
 * parent's rows, even on a superuser connection. {@link asService} is for the `/internal` lookup alone.
 * `true` makes both settings local to the transaction: a pooled connection never carries them
 * to the next caller; both are undone when `fn` returns, so an `@Publish` outbox row of the same
 * transaction is written as before.
 *
 * @example
 * const rows = await scope.asParent(parentUserId, (db) => db.query(`SELECT … FROM profile.child_profiles`));
 */
export class ParentRowScope {
  constructor(private readonly sql: SqlTransactions) {}

  /** Runs `fn` where only `parentUserId`'s rows exist. */
  asParent<T>(parentUserId: string, fn: (db: SqlClient) => Promise<T>): Promise<T> {
    const settings = { [ACTING_PARENT_SETTING]: parentUserId, [SERVICE_BYPASS_SETTING]: '' };
    return this.sql.runScoped({ role: PROFILE_FAMILY_ROLE, settings }, () => fn(this.sql.client()));
  }

  /** Runs `fn` with the service bypass (every family's rows); the bypass is cleared again before the transaction goes on. */
  asService<T>(fn: (db: SqlClient) => Promise<T>): Promise<T> {
    const settings = { [ACTING_PARENT_SETTING]: '', [SERVICE_BYPASS_SETTING]: 'service' };
    return this.sql.runScoped({ role: PROFILE_FAMILY_ROLE, settings }, () => fn(this.sql.client()));
  }
}
