import Redis from 'ioredis';
import { EpisodePublished } from '@mikasmissions/contracts-events';
import { createEnvelope, RedisStreamsPublisher } from '@mikasmissions/messaging';
import { signIdentity } from '@mikasmissions/service-identity';
import {
  type ServiceProcesses,
  createContractValidator,
  deleteKeysUnder,
  startServices,
  TEST_EDGE_IDENTITY_KEY,
  testEnv,
  testKeyPrefix,
  testRedisUrl,
} from '@mikasmissions/testing';
import { consentCode, gatewayCall, poll } from './testing/gateway-client';

const contract = createContractValidator();
const PASSWORD = 'correct horse battery staple';
const APPS = ['identity', 'profile', 'notification', 'gateway'];
const PREFS = '/v1/parents/notifications/preferences';

jest.setTimeout(60_000);

/**
 * Issue 14's notification slice across real processes (memory stores, events over the test
 * Redis, AUTH_MODE=enforce, the console sender): consent → welcome in the signup language
 * (`de` → German, `es-MX` → Spanish); two new 6-11 episodes → one
 * German digest for the parent with a 6-11 child and none for the parent whose child is 3-5; the
 * preferences through the gateway, checked against the contract; no child data in its output.
 */
describe('notification through identity, profile and the gateway', () => {
  let platform: ServiceProcesses;
  let env: Record<string, string | undefined>;
  const run = Date.now().toString(36);

  beforeAll(async () => {
    env = testEnv('memory', {
      AUTH_MODE: 'enforce',
      LOG_LEVEL: 'info',
      AUTHX_TRUST_PROXY: 'true',
      MESSAGING_REDIS_URL: testRedisUrl(),
      NOTIFICATION_SENDER: 'console',
    });
    platform = await startServices(APPS, env, 120_000);
  }, 130_000);
  afterAll(async () => {
    await platform?.stop();
    const redis = new Redis(testRedisUrl(), { lazyConnect: true });
    await deleteKeysUnder(redis, testKeyPrefix());
    redis.disconnect();
  });

  const call = gatewayCall(() => platform.urls.gateway, contract);
  const notificationOutput = () => platform.output('notification');

  async function consentedParent(label: string, marketing: boolean, language: string) {
    const email = `mika@${label}-${run}.example.com`;
    expect(
      (
        await call('POST', '/v1/parents/signup', {
          email,
          password: PASSWORD,
          country: 'DE',
          language,
          marketing,
          accepted_terms: true,
        })
      ).status,
    ).toBe(201);
    const login = await call('POST', '/v1/parents/login', { email, password: PASSWORD });
    const [id, token] = [login.body.parent_user_id as string, login.body.access_token as string];
    const request = await call('POST', '/v1/parents/consent/request', { parent_user_id: id, method: 'email_plus' }, token);
    const challenge = await consentCode(platform, email);
    const verify = await call('POST', '/v1/parents/consent/verify', {
      parent_user_id: id,
      method: 'email_plus',
      challenge,
      consent_request_id: request.body.consent_request_id,
    });
    expect(verify.body.verified).toBe(true);
    return { id, token, masked: `m***@${label}-${run}.example.com` };
  }

  it('welcomes, sends one digest for two episodes to the parent with a child in the band, none to the other, and names no child', async () => {
    const inBand = await consentedParent('inband', true, 'de');
    const outOfBand = await consentedParent('outband', true, 'es-MX');
    await poll(
      'the welcome e-mails, each in its signup language',
      async () => notificationOutput(),
      (out) =>
        out.includes(`email to ${inBand.masked}: Willkommen bei MikasMissions`) &&
        out.includes(`email to ${outOfBand.masked}: Te damos la bienvenida a MikasMissions`),
    );

    const kid = (parent: { id: string; token: string }, name: string, band: string) =>
      call('POST', '/v1/children/profiles', { parent_user_id: parent.id, display_name: name, age_band: band, avatar: 'fox' }, parent.token);
    const [first, second] = [await kid(inBand, 'Zephyrine', '6-11'), await kid(outOfBand, 'Quillon', '3-5')];
    expect([first.status, second.status]).toEqual([201, 201]);

    const prefs = await call('GET', PREFS, undefined, inBand.token);
    expect(prefs.body).toEqual({
      parent_user_id: inBand.id,
      digest: true,
      receipts: true,
      welcome: true,
      timezone: 'UTC',
      marketing: true,
      updated_at: null,
    });
    expect((await call('GET', PREFS)).status).toBe(401);
    expect((await call('PUT', PREFS, { receipts: false }, outOfBand.token)).body).toMatchObject({
      parent_user_id: outOfBand.id,
      receipts: false,
      digest: true,
    });

    const redis = new Redis(testRedisUrl());
    const episodes = ['Counting stars', 'Ocean friends'].map((title, i) =>
      createEnvelope({
        type: EpisodePublished.type,
        version: EpisodePublished.version,
        tenantId: 'default',
        requestId: `notification-e2e-${run}-${i}`,
        payload: {
          episodeId: `ep-${run}-${i}`,
          missionId: 'm1',
          ageRating: '6+' as const,
          ageBand: '6-11' as const,
          title,
          publishedAt: new Date().toISOString(),
        },
      }),
    );
    try {
      expect((await new RedisStreamsPublisher(redis, env.MESSAGING_STREAM_PREFIX!).publish(episodes)).every((r) => r.ok)).toBe(true);
    } finally {
      redis.disconnect();
    }
    await poll(
      'both episodes collected',
      async () => notificationOutput(),
      (out) => episodes.every((e) => out.includes(`episode ${e.payload.episodeId}: in`)),
    );

    const path = '/internal/notifications/digests/flush';
    const signed = signIdentity(
      { role: 'service', tenantId: 'default', requestId: `flush-${run}`, subject: 'service:e2e' },
      { method: 'POST', path },
      TEST_EDGE_IDENTITY_KEY,
    );
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString();
    const flushed = await fetch(`${platform.urls.notification}${path}`, {
      method: 'POST',
      headers: { ...signed, 'content-type': 'application/json' },
      body: JSON.stringify({ now: tomorrow }),
    });
    expect(flushed.status).toBe(200);
    expect((await flushed.json()).digests).toBeGreaterThanOrEqual(1);

    const out = await poll(
      'the digest e-mail',
      async () => notificationOutput(),
      (text) => text.includes(`email to ${inBand.masked}: Neu bei MikasMissions`),
    );
    expect(out).toContain(`email to ${inBand.masked}: Neu bei MikasMissions: 2 Folgen`);
    expect(out).toMatch(
      /Neue Folgen für deine Familie am \d+\. \p{L}+ \d{4}:\n\s+- (Counting stars|Ocean friends)\n\s+- (Ocean friends|Counting stars)/u,
    );
    expect(out).not.toContain(`email to ${inBand.masked}: New on`);
    expect(out).not.toMatch(new RegExp(`email to ${outOfBand.masked.replace(/[.*]/g, '\\$&')}: (Novedades|New on|Neu bei)`));
    for (const secret of ['Zephyrine', 'Quillon', first.body.child_profile_id, second.body.child_profile_id, `mika@inband-${run}`])
      expect(out).not.toContain(secret);
  });
});
