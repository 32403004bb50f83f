import type { INestApplication } from '@nestjs/common';
import { createPgPool } from '@mikasmissions/persistence';
import { baseUrl, bootApp, testDatabaseUrl, testEnv, testRunId } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { AppModule } from './app.module';
import { startFakeIdentity, type FakeIdentity } from './testing/fake-identity';
import { call, newParentId } from './testing/profile-client';

/**
 * The whole service connected as a non-superuser login role (superusers bypass row-level
 * security): every route still works, so each of its statements runs with the acting parent
 * (or, for the internal lookup, the service bypass) set in its transaction.
 */
const ROLE = `mm_profile_app_${testRunId().replace(/[^a-z0-9_]/gi, '_')}_${process.pid}`.toLowerCase().slice(0, 60);
const PROFILES = '/v1/children/profiles';

describe('profile connected as a non-superuser role (row-level security applies)', () => {
  let admin: Pool;
  let app: INestApplication;
  let origin: string;
  let identity: FakeIdentity;

  beforeAll(async () => {
    admin = createPgPool(testDatabaseUrl(), 1);
    await admin.query(`CREATE ROLE ${ROLE} LOGIN NOSUPERUSER NOBYPASSRLS`);
    await admin.query(`GRANT USAGE ON SCHEMA profile TO ${ROLE}`);
    await admin.query(`GRANT profile_family TO ${ROLE}`); // as RUNBOOK tells operators: the app's login role may become the policies' role
    await admin.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA profile TO ${ROLE}`);
    await admin.query(`GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA profile TO ${ROLE}`);
    const url = new URL(testDatabaseUrl());
    url.username = ROLE;
    url.password = '';
    identity = await startFakeIdentity();
    app = await bootApp(AppModule, {
      adapter: 'express',
      env: testEnv('memory', { DATABASE_URL: url.toString(), AUTH_MODE: 'enforce', IDENTITY_URL: identity.url }),
      globalPrefix: 'v1',
    });
    origin = await baseUrl(app);
  });
  afterAll(async () => {
    await app?.close();
    await identity?.close();
    await admin.query(`REVOKE ALL ON ALL TABLES IN SCHEMA profile FROM ${ROLE}`);
    await admin.query(`REVOKE ALL ON ALL SEQUENCES IN SCHEMA profile FROM ${ROLE}`);
    await admin.query(`REVOKE ALL ON SCHEMA profile FROM ${ROLE}`);
    await admin.query(`REVOKE profile_family FROM ${ROLE}`).catch(() => undefined);
    await admin.query(`DROP ROLE IF EXISTS ${ROLE}`);
    await admin.end();
  });

  it('connects as that role and serves create, list, internal lookup, ownership checks and delete', async () => {
    const ready = await (await fetch(`${origin}/v1/ready`)).json();
    expect(ready.details.postgres.status).toBe('up');
    expect((await admin.query(`SELECT count(*)::int AS n FROM pg_stat_activity WHERE usename = $1`, [ROLE])).rows[0].n).toBeGreaterThan(0);
    const [mine, theirs] = [newParentId('rls-app'), newParentId('rls-other')];
    identity.setParent(mine, 'active');
    identity.setParent(theirs, 'active');
    const me = { role: 'parent' as const, parentUserId: mine };
    const created = await call(origin, 'POST', PROFILES, me, {
      parent_user_id: mine,
      display_name: 'Mia',
      age_band: '3-5',
      avatar: 'bear',
    });
    expect(created.status).toBe(201);
    const id = created.body.child_profile_id as string;
    const owner = (
      await admin.query(
        `SELECT parent_user_id, pg_get_userbyid(c.relowner) AS table_owner FROM profile.child_profiles, pg_class c WHERE id = $1 AND c.oid = 'profile.child_profiles'::regclass`,
        [id],
      )
    ).rows[0];
    expect(owner.parent_user_id).toBe(mine);
    expect(owner.table_owner).not.toBe(ROLE);

    expect(
      (await call(origin, 'GET', `${PROFILES}?parent_user_id=${mine}`, me)).body.profiles.map(
        (p: { child_profile_id: string }) => p.child_profile_id,
      ),
    ).toEqual([id]);
    expect((await call(origin, 'GET', `${PROFILES}?parent_user_id=${theirs}`, { role: 'parent', parentUserId: theirs })).body).toEqual({
      profiles: [],
    });
    expect(await call(origin, 'GET', `/internal/profiles/${id}`, { role: 'service' })).toMatchObject({
      status: 200,
      body: { parent_user_id: mine },
    });
    expect(
      await call(origin, 'DELETE', `${PROFILES}/${id}?parent_user_id=${theirs}`, { role: 'parent', parentUserId: theirs }),
    ).toMatchObject({ status: 403, body: { error: { code: 'child_profile_forbidden' } } });
    expect((await call(origin, 'DELETE', `${PROFILES}/${id}?parent_user_id=${mine}`, me)).status).toBe(204);
    expect(
      (await admin.query(`SELECT type FROM profile.outbox WHERE aggregate_id = $1 ORDER BY seq`, [id])).rows.map((r) => r.type),
    ).toEqual(['child.profile.created', 'child.profile.deleted']);
  });
});
