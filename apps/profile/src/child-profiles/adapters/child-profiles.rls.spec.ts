import { createPgPool, PoolSqlTransactions } from '@mikasmissions/persistence';
import { testDatabaseUrl, testRunId } from '@mikasmissions/testing';
import type { Pool, PoolClient } from 'pg';
import { uuidv7 } from 'uuidv7';
import { childProfilesRepositoryContract } from '../child-profiles-repository.contract';
import { ACTING_PARENT_SETTING, ParentRowScope, SERVICE_BYPASS_SETTING } from './parent-row-scope';
import { PostgresChildProfilesRepository } from './postgres-child-profiles.repository';

/**
 * Row-level security on profile.child_profiles (issue 11, "Defence in depth"). Superusers bypass
 * RLS, so the raw sessions here log in as a non-superuser role made for this run, with only table
 * privileges: what the policy lets through is all it can see. The repository's own transactions
 * also run as `profile_family`, which binds the policy on any connection (see the first test).
 */
const ROLE = `mm_profile_rls_${testRunId().replace(/[^a-z0-9_]/gi, '_')}_${process.pid}`.toLowerCase().slice(0, 60);
const TABLE = 'profile.child_profiles';

let admin: Pool;
let app: Pool;

beforeAll(async () => {
  admin = createPgPool(testDatabaseUrl(), 2);
  await admin.query(`CREATE ROLE ${ROLE} LOGIN NOSUPERUSER NOBYPASSRLS`);
  await admin.query(`GRANT USAGE ON SCHEMA profile TO ${ROLE}`);
  await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ${TABLE} TO ${ROLE}`);
  await admin.query(`GRANT profile_family TO ${ROLE}`); // the repository's scoped transactions run as profile_family
  const url = new URL(testDatabaseUrl());
  url.username = ROLE;
  app = createPgPool(url.toString(), 2);
});
afterAll(async () => {
  await app.end();
  await admin.query(`REVOKE ALL ON ${TABLE} FROM ${ROLE}`);
  await admin.query(`REVOKE ALL ON SCHEMA profile FROM ${ROLE}`);
  await admin.query(`REVOKE profile_family FROM ${ROLE}`);
  await admin.query(`DROP ROLE ${ROLE}`);
  await admin.end();
});

/** A raw session as the restricted role, inside one transaction that is rolled back. */
async function asRole<T>(fn: (db: PoolClient) => Promise<T>): Promise<T> {
  const db = await app.connect();
  try {
    await db.query('BEGIN');
    expect((await db.query<{ current_user: string }>('SELECT current_user')).rows[0].current_user).toBe(ROLE);
    return await fn(db);
  } finally {
    await db.query('ROLLBACK');
    db.release();
  }
}

childProfilesRepositoryContract(
  'postgres under row-level security (non-superuser role)',
  () => new PostgresChildProfilesRepository(new PoolSqlTransactions(app), 'profile'),
);

describe('row-level security on profile.child_profiles', () => {
  const repo = () => new PostgresChildProfilesRepository(new PoolSqlTransactions(app), 'profile');

  it('binds a superuser connection too: a parent-scoped transaction runs as profile_family and sees only its rows', async () => {
    const [mine, theirs] = [`rls-su-mine-${uuidv7()}`, `rls-su-theirs-${uuidv7()}`];
    await repo().create({ parentUserId: mine, displayName: 'Eda', ageBand: '6-11', avatar: 'fox' });
    await repo().create({ parentUserId: theirs, displayName: 'Finn', ageBand: '6-11', avatar: 'cat' });
    const scope = new ParentRowScope(new PoolSqlTransactions(admin));
    const seen = await scope.asParent(mine, async (db) => {
      const who = await db.query<{ current_user: string }>('SELECT current_user');
      const rows = await db.query<{ parent_user_id: string }>(`SELECT parent_user_id FROM ${TABLE} WHERE parent_user_id IN ($1, $2)`, [
        mine,
        theirs,
      ]);
      return { user: who[0].current_user, parents: rows.map((r) => r.parent_user_id) };
    });
    expect(seen).toEqual({ user: 'profile_family', parents: [mine] });
    const { rows } = await admin.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${TABLE} WHERE parent_user_id IN ($1, $2)`, [
      mine,
      theirs,
    ]);
    expect(rows[0].n).toBe(2); // the superuser outside a scope still sees both: the role is what binds the policy
  });

  it('is enabled and forced on the table', async () => {
    const { rows } = await admin.query(`SELECT relrowsecurity, relforcerowsecurity FROM pg_class WHERE oid = '${TABLE}'::regclass`);
    expect(rows[0]).toEqual({ relrowsecurity: true, relforcerowsecurity: true });
  });

  it('a query without the acting-parent setting returns nothing, even though rows exist', async () => {
    const parent = `rls-${uuidv7()}`;
    const stored = await repo().create({ parentUserId: parent, displayName: 'Mia', ageBand: '3-5', avatar: 'owl' });
    expect((await admin.query(`SELECT count(*)::int AS n FROM ${TABLE} WHERE id = $1`, [stored.childProfileId])).rows[0].n).toBe(1);
    await asRole(async (db) => {
      expect((await db.query(`SELECT * FROM ${TABLE}`)).rows).toEqual([]);
      expect((await db.query(`SELECT * FROM ${TABLE} WHERE parent_user_id = $1`, [parent])).rows).toEqual([]);
      expect((await db.query(`UPDATE ${TABLE} SET display_name = 'x' WHERE id = $1`, [stored.childProfileId])).rowCount).toBe(0);
      expect((await db.query(`DELETE FROM ${TABLE} WHERE id = $1`, [stored.childProfileId])).rowCount).toBe(0);
    });
    expect(await repo().findOwned(parent, stored.childProfileId)).toEqual(stored);
  });

  it("the setting shows only that parent's rows, and a write for another parent is refused", async () => {
    const [mine, theirs] = [`rls-mine-${uuidv7()}`, `rls-theirs-${uuidv7()}`];
    await repo().create({ parentUserId: mine, displayName: 'Ana', ageBand: '6-11', avatar: 'fox' });
    const other = await repo().create({ parentUserId: theirs, displayName: 'Ben', ageBand: '6-11', avatar: 'cat' });
    await asRole(async (db) => {
      await db.query(`SELECT set_config('${ACTING_PARENT_SETTING}', $1, true)`, [mine]);
      const visible = (await db.query<{ parent_user_id: string }>(`SELECT parent_user_id FROM ${TABLE}`)).rows;
      expect(visible.map((r) => r.parent_user_id)).toEqual([mine]);
      expect((await db.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [other.childProfileId])).rows).toEqual([]);
      await db.query('SAVEPOINT s');
      await expect(
        db.query(`INSERT INTO ${TABLE} (id, parent_user_id, display_name, age_band, avatar) VALUES ($1, $2, 'X', '3-5', 'fox')`, [
          uuidv7(),
          theirs,
        ]),
      ).rejects.toThrow(/row-level security/);
      await db.query('ROLLBACK TO SAVEPOINT s');
    });
  });

  it('the service bypass sees every family, and it ends with the transaction', async () => {
    const stored = await repo().create({ parentUserId: `rls-svc-${uuidv7()}`, displayName: 'Cy', ageBand: '12-16', avatar: 'star' });
    await asRole(async (db) => {
      await db.query(`SELECT set_config('${SERVICE_BYPASS_SETTING}', 'service', true)`);
      expect((await db.query(`SELECT id::text FROM ${TABLE} WHERE id = $1`, [stored.childProfileId])).rows).toEqual([
        { id: stored.childProfileId },
      ]);
    });
    await asRole(async (db) => expect((await db.query(`SELECT * FROM ${TABLE} WHERE id = $1`, [stored.childProfileId])).rows).toEqual([]));
    expect(await repo().findForService(stored.childProfileId)).toEqual(stored);
  });
});
