import { SubscriptionChanged } from '@mikasmissions/contracts-events';
import { connectEventConsumers, EventPublisher } from '@mikasmissions/messaging';
import { deleteTestFileKeys } from '@mikasmissions/testing';
import { asParent, startPlaybackHarness, type PlaybackHarness } from '../testing/playback-harness';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const billingCalls = (h: PlaybackHarness) => h.stub.state.calls.filter((c) => c.line === 'GET /v1/billing/entitlements').length;

afterAll(() => deleteTestFileKeys());

describe('billing killed during playback (express, Postgres)', () => {
  let h: PlaybackHarness;
  beforeAll(async () => {
    h = await startPlaybackHarness('express', 'postgres');
  });
  afterAll(() => h.close());

  const start = (child: string, parent: string) =>
    h.call('POST', '/v1/playback/sessions', asParent(parent), {
      child_profile_id: child,
      episode_id: 'ep-1',
      device_type: 'tv',
      entitlement_status: 'active',
    });
  const circuit = async () =>
    ((await (await fetch(`${h.origin}/v1/ready`)).json()) as { details: { circuits: Record<string, unknown> } }).details.circuits[
      'billing.entitlement'
    ];

  it('fails closed with 503 entitlement_unavailable, the breaker opens (in /ready), fails fast, and recovers', async () => {
    const { child, parent } = h.family('outage');
    expect((await start(child, parent)).status).toBe(201);

    await h.billing.cut();
    for (let i = 0; i < 3; i++) {
      const res = await start(child, parent);
      expect([res.status, res.body.error.code]).toEqual([503, 'entitlement_unavailable']);
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(await circuit()).toMatchObject({ state: 'open' });

    // Open: billing is not even asked, and the answer is still a closed door.
    await h.billing.restore();
    const before = billingCalls(h);
    const fast = await start(child, parent);
    expect([fast.status, fast.body.error.code, fast.body.error.details]).toEqual([
      503,
      'entitlement_unavailable',
      { reason: 'breaker_open' },
    ]);
    expect(billingCalls(h)).toBe(before);

    // After PLAYBACK_BREAKER_OPEN_MS (1 s here) a probe goes through and closes it.
    await sleep(1_200);
    expect((await start(child, parent)).status).toBe(201);
    expect(await circuit()).toMatchObject({ state: 'closed' });
  });

  it('a hanging billing is a 503 too, within the call timeout', async () => {
    const { child, parent } = h.family('hang');
    await h.billing.hang();
    try {
      const began = Date.now();
      const res = await start(child, parent);
      expect([res.status, res.body.error.code]).toEqual([503, 'entitlement_unavailable']);
      expect(Date.now() - began).toBeLessThan(3_000);
    } finally {
      await h.billing.restore();
    }
  });
});

describe('hedged billing calls (fastify, memory)', () => {
  let h: PlaybackHarness;
  beforeAll(async () => {
    h = await startPlaybackHarness('fastify', 'memory');
  });
  afterAll(() => h.close());

  it('a slow billing answer is hedged after the observed p95: the second attempt answers', async () => {
    const { child, parent } = h.family('hedge');
    const start = () =>
      h.call('POST', '/v1/playback/sessions', asParent(parent), { child_profile_id: child, episode_id: 'ep-1', device_type: 'tv' });
    for (let i = 0; i < 20; i++) expect((await start()).status).toBe(201);
    h.stub.state.billingDelays.push(900); // under SERVICE_CLIENT_TIMEOUT_MS (1 s): only the hedge makes it fast
    const before = billingCalls(h);
    const began = Date.now();
    expect((await start()).status).toBe(201);
    expect(Date.now() - began).toBeLessThan(850);
    expect(billingCalls(h) - before).toBe(2);
    const ready = (await (await fetch(`${h.origin}/v1/ready`)).json()) as { details: { circuits: Record<string, { hedges: number }> } };
    expect(ready.details.circuits['billing.entitlement'].hedges).toBeGreaterThanOrEqual(1);
    await sleep(1_000); // let the losing attempt's slow answer finish before the stub closes
  });
});

describe('recently confirmed entitlements (fastify, Postgres + Redis)', () => {
  let h: PlaybackHarness;
  beforeAll(async () => {
    h = await startPlaybackHarness('fastify', 'postgres+redis', { PLAYBACK_ENTITLEMENT_CACHE_MS: '60000' });
    expect(await connectEventConsumers(h.app)).toBe(true);
  });
  afterAll(() => h.close());

  const start = (child: string, parent: string) =>
    h.call('POST', '/v1/playback/sessions', asParent(parent), { child_profile_id: child, episode_id: 'ep-1', device_type: 'tv' });

  it('serves a confirmed entitlement from the short cache, and subscription.changed drops it', async () => {
    const { child, parent } = h.family('cache');
    const lapsed = h.family('cache-none', { entitled: false });
    expect((await start(child, parent)).status).toBe(201);
    expect((await start(lapsed.child, lapsed.parent)).status).toBe(403);

    await h.billing.cut();
    try {
      const before = billingCalls(h);
      expect((await start(child, parent)).status).toBe(201); // recently confirmed
      expect(billingCalls(h)).toBe(before);
      // A refusal is never cached: it asks billing again, which is down.
      expect((await start(lapsed.child, lapsed.parent)).body.error.code).toBe('entitlement_unavailable');

      await h.app.get(EventPublisher).publish(SubscriptionChanged, { parentId: parent, plan: 'trial', status: 'canceled' });
      let code: string | undefined;
      for (let i = 0; i < 100 && code !== 'entitlement_unavailable'; i++) {
        await sleep(100);
        code = (await start(child, parent)).body.error?.code;
      }
      expect(code).toBe('entitlement_unavailable');
    } finally {
      await h.billing.restore();
    }
  });
});
