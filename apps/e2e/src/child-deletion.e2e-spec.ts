import { createPgPool } from '@mikasmissions/persistence';
import { type ServiceProcesses, createContractValidator, startServices, testDatabaseUrl, testEnv } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { gatewayCall, type Json } from './testing/gateway-client';
import { createChild, type GatewayParent, signUpParent, verifyConsent } from './testing/gateway-parent';

const contract = createContractValidator();

/** Every table that holds a child's rows, per service schema (the column naming the child). */
const CHILD_TABLES: Record<string, string[]> = {
  identity: ['child_controls', 'gate_challenges', 'gate_tokens', 'kids_sessions', 'dashboard_watch_days'],
  profile: ['child_profiles'],
  progress: ['watch_events', 'episode_positions', 'daily_usage'],
  playback: ['sessions'],
};

/**
 * Deleting a child erases it everywhere (COPPA / GDPR): identity, profile, progress, playback and
 * the gateway as real processes in Postgres + Redis mode, so `child.profile.deleted` travels over
 * Redis Streams to each consumer. The parent goes through the gateway (signup, consent, two
 * children, controls, a gate challenge); progress and playback rows are written with SQL (their
 * routes need catalog and billing). After `DELETE /v1/children/profiles/{id}` each database
 * schema is read with SQL (as the owner, past row-level security) until no row of the child
 * remains (bounded poll), and the sibling's rows are all still there.
 */
describe('deleting a child removes its data in every service (processes, postgres+redis)', () => {
  let platform: ServiceProcesses;
  let pool: Pool;

  beforeAll(async () => {
    pool = createPgPool(testDatabaseUrl(), 2);
    platform = await startServices(
      ['identity', 'profile', 'progress', 'playback', 'gateway'],
      testEnv('postgres+redis', {
        AUTH_MODE: 'enforce',
        LOG_LEVEL: 'info',
        AUTHX_TRUST_PROXY: 'true',
        PROGRESS_UPSTREAMS: 'memory',
        PLAYBACK_UPSTREAMS: 'memory',
      }),
    );
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
    await pool?.end();
  });

  const call = gatewayCall(() => platform.urls.gateway, contract);

  async function consentedParent(): Promise<GatewayParent> {
    const parent = await signUpParent(call, 'eraser');
    await verifyConsent(call, platform, parent);
    return parent;
  }

  /** Progress and playback rows of the child, as their services store them (owner and tenant set). */
  async function seedWatching(parentUserId: string, child: string): Promise<void> {
    const owner = [child, parentUserId];
    await pool.query(
      `INSERT INTO progress.watch_events (child_profile_id, episode_id, event_time, watch_ms, local_date, tenant_id, parent_user_id) VALUES ($1, 'ep-1', now(), 60000, current_date, 'default', $2)`,
      owner,
    );
    await pool.query(
      `INSERT INTO progress.episode_positions (child_profile_id, episode_id, position_ms, last_event_time, tenant_id, parent_user_id) VALUES ($1, 'ep-1', 60000, now(), 'default', $2)`,
      owner,
    );
    await pool.query(
      `INSERT INTO progress.daily_usage (child_profile_id, local_date, watched_ms, tenant_id, parent_user_id) VALUES ($1, current_date, 60000, 'default', $2)`,
      owner,
    );
    await pool.query(
      `INSERT INTO playback.sessions (id, tenant_id, child_profile_id, parent_user_id, episode_id, device_type, media_key, limit_minutes, used_at_start)
       VALUES (gen_random_uuid(), 'default', $1, $2, 'ep-1', 'tablet', 'episodes/ep-1/index.m3u8', 30, 0)`,
      owner,
    );
    await pool.query(
      `INSERT INTO identity.dashboard_watch_days (tenant_id, child_profile_id, day, parent_user_id, watched_ms) VALUES ('default', $1, current_date, $2, 60000)`,
      owner,
    );
  }

  /** Rows of `child` per `schema.table` (only the non-empty ones). */
  async function rowsOf(child: string): Promise<Record<string, number>> {
    const found: Record<string, number> = {};
    for (const [schema, tables] of Object.entries(CHILD_TABLES)) {
      for (const table of tables) {
        const column = table === 'child_profiles' ? 'id' : 'child_profile_id';
        const { rows } = await pool.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${schema}.${table} WHERE ${column}::text = $1`, [
          child,
        ]);
        if (rows[0].n > 0) found[`${schema}.${table}`] = rows[0].n;
      }
    }
    return found;
  }

  it('DELETE /v1/children/profiles/{id} erases the child in identity, profile, progress and playback, not its sibling', async () => {
    const mum = await consentedParent();
    const children: string[] = [];
    for (const name of ['Mika', 'Lou']) {
      children.push(await createChild(call, mum, name));
    }
    const [child, sibling] = children;
    for (const k of children) {
      const put = await call(
        'PUT',
        `/v1/parents/controls/${k}`,
        {
          autoplay: false,
          chat_enabled: false,
          external_links: false,
          session_limit_minutes: 45,
          bedtime_window: '20:00-07:00',
          safety_mode: 'strict',
        },
        mum.token,
      );
      expect(put.status).toBe(200);
      const challenge = await call(
        'POST',
        '/v1/parents/gates/challenge',
        { parent_user_id: mum.id, child_profile_id: k, method: 'math' },
        mum.token,
      );
      expect(challenge.status).toBe(201);
      await seedWatching(mum.id, k);
    }
    const before = await rowsOf(child);
    expect(Object.keys(before).sort()).toEqual(
      [
        'identity.child_controls',
        'identity.dashboard_watch_days',
        'identity.gate_challenges',
        'playback.sessions',
        'profile.child_profiles',
        'progress.daily_usage',
        'progress.episode_positions',
        'progress.watch_events',
      ].sort(),
    );

    const deleted = await call('DELETE', `/v1/children/profiles/${child}?parent_user_id=${mum.id}`, undefined, mum.token);
    expect(deleted.status).toBe(204);

    let left = await rowsOf(child);
    for (let i = 0; i < 150 && Object.keys(left).length > 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      left = await rowsOf(child);
    }
    expect(left).toEqual({});
    expect(await rowsOf(sibling)).toEqual(before);
    expect(
      (await call('GET', `/v1/children/profiles?parent_user_id=${mum.id}`, undefined, mum.token)).body.profiles.map(
        (p: Json) => p.child_profile_id,
      ),
    ).toEqual([sibling]);
  }, 60_000);
});
