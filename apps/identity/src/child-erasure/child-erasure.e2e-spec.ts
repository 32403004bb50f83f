import type { INestApplication } from '@nestjs/common';
import { ChildProfileDeleted } from '@mikasmissions/contracts-events';
import { connectEventConsumers, EventPublisher } from '@mikasmissions/messaging';
import { SqlTransactions } from '@mikasmissions/persistence';
import { WatchLedger } from '../dashboard/watch-ledger';
import { call, type Caller, FakeProfile, type FamilyTestApp, solve, startFamilyApp, uid } from '../controls-test.helpers';

const CONTROLS = {
  autoplay: true,
  chat_enabled: false,
  external_links: false,
  session_limit_minutes: 60,
  bedtime_window: '21:00-07:00',
  safety_mode: 'strict',
};
const TABLES = ['child_controls', 'gate_challenges', 'gate_tokens', 'kids_sessions', 'dashboard_watch_days'];

describe.each(['memory', 'postgres+redis'] as const)('erasing a deleted child (%s)', (stores) => {
  let app: INestApplication;
  let profile: FakeProfile;
  let base: string;
  let family: FamilyTestApp;

  beforeAll(async () => {
    family = await startFamilyApp(stores);
    ({ app, profile, base } = family);
    expect(await connectEventConsumers(app)).toBe(true);
  });
  afterAll(() => family.close());

  /** Rows the child has in identity's family tables (Postgres only, read past row-level security). */
  async function rowsOf(child: string): Promise<number> {
    if (stores === 'memory') return 0;
    const pool = app.get(SqlTransactions).pool;
    let total = 0;
    for (const table of TABLES)
      total += Number((await pool.query(`SELECT count(*) AS n FROM identity.${table} WHERE child_profile_id = $1`, [child])).rows[0].n);
    return total;
  }

  async function until(check: () => Promise<boolean>): Promise<void> {
    for (let i = 0; i < 100; i++) {
      if (await check()) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error('condition not met within 5 s');
  }

  it("child.profile.deleted erases its controls, gates, kids sessions (tokens revoked) and dashboard days, not its sibling's", async () => {
    const parent = uid('p');
    const [child, sibling] = [uid('k'), uid('k')];
    const asParent: Caller = { role: 'parent', parentUserId: parent };
    for (const k of [child, sibling]) {
      profile.register(parent, k);
      await call(base, asParent, 'PUT', `/v1/parents/controls/${k}`, CONTROLS);
    }
    const gateToken = async () => {
      const c = await call(base, asParent, 'POST', '/v1/parents/gates/challenge', {
        parent_user_id: parent,
        child_profile_id: child,
        method: 'math',
      });
      return (
        await call(base, asParent, 'POST', '/v1/parents/gates/verify', {
          parent_user_id: parent,
          child_profile_id: child,
          challenge_id: c.body.challenge_id,
          response: solve(c.body.question),
        })
      ).body.gate_token as string;
    };
    const kids = await call(base, asParent, 'POST', `/v1/children/profiles/${child}/session`, { gate_token: await gateToken() });
    const unspent = await gateToken();
    await call(base, asParent, 'POST', '/v1/parents/gates/challenge', { parent_user_id: parent, child_profile_id: child, method: 'math' });
    await app
      .get(WatchLedger)
      .add({ tenantId: 'default', parentUserId: parent, childProfileId: child, day: '2026-12-01', watchedMs: 1_000, learningEvents: 1 });
    if (stores !== 'memory') expect(await rowsOf(child)).toBeGreaterThanOrEqual(6);

    await app.get(EventPublisher).publish(ChildProfileDeleted, { parentUserId: parent, childProfileId: child }, { tenantId: 'default' });
    await until(async () => (await call(base, { bearer: kids.body.access_token }, 'GET', '/v1/me')).status === 401);
    // The tokens are revoked first; the rows go when the consumer's transaction commits.
    await until(async () => (await rowsOf(child)) === 0);

    expect(await rowsOf(child)).toBe(0);
    expect(
      (await call(base, { role: 'service' }, 'POST', '/internal/gates/consume', { child_profile_id: child, gate_token: unspent })).body,
    ).toEqual({ consumed: false });
    expect((await call(base, null, 'POST', '/v1/auth/refresh', { refreshToken: kids.body.refresh_token })).status).toBe(401);
    expect((await call(base, { role: 'service' }, 'GET', `/internal/controls/${sibling}`)).body.controls).toMatchObject(CONTROLS);
    expect((await call(base, asParent, 'GET', `/v1/parents/controls/${child}`)).body.controls.autoplay).toBe(false);
    expect(await app.get(WatchLedger).totals({ tenantId: 'default', service: true }, [child], '2026-12-01', '2026-12-01')).toEqual([]);
  });
});
