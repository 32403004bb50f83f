import type { INestApplication } from '@nestjs/common';
import { baseUrl, bootApp, testEnv, uniquePrefix } from '@mikasmissions/testing';
import { AppModule } from './app.module';
import { capturedCodes, deleteRedisKeys, send, subject } from './identity-test.helpers';

const PREFIX = 'v1';
const COOLDOWN_MS = 2_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const tenantOf = (label: string) => `${label}-${Math.random().toString(36).slice(2, 8)}`;

// Issue 9 item 8: OTP limits must slow an attacker without locking out the victim.
describe('identity OTP limits under abuse (Redis, behind one trusted proxy)', () => {
  let app: INestApplication;
  let url: string;
  const prefix = uniquePrefix('authx-abuse');

  beforeAll(async () => {
    const env = testEnv('postgres+redis', {
      AUTHX_REDIS_PREFIX: prefix,
      OTP_SENDER: 'capture',
      AUTHX_TRUST_PROXY: 'true',
      OTP_COOLDOWN_SEC: String(COOLDOWN_MS / 1000),
      OTP_HOURLY_CAP: '4',
      OTP_SUBJECT_IP_HOURLY_CAP: '2',
      OTP_IP_HOURLY_CAP: '6',
      OTP_TENANT_HOURLY_CAP: '8',
    });
    app = await bootApp(AppModule, { adapter: 'express', env, globalPrefix: PREFIX });
    url = await baseUrl(app, PREFIX);
  });
  afterAll(async () => {
    await app.close();
    await deleteRedisKeys(prefix);
  });

  /** A request as the gateway forwards it: it appends the address it saw to X-Forwarded-For. */
  const ask = (who: string, tenant: string, ip: string, channel = 'email', clientXff?: string) =>
    fetch(
      `${url}/auth/otp/request`,
      send('POST', { subject: who, channel }, { 'x-tenant-id': tenant, 'x-forwarded-for': clientXff ? `${clientXff}, ${ip}` : ip }),
    );
  const statuses = async (requests: Array<() => Promise<Response>>) => {
    const out: number[] = [];
    for (const r of requests) out.push((await r()).status);
    return out;
  };
  const signIn = async (who: string, tenant: string, ip: string) => {
    const { ticketId } = await (await ask(who, tenant, ip)).json();
    const res = await fetch(
      `${url}/auth/otp/verify`,
      send('POST', { ticketId, code: capturedCodes(app).lastCodeFor(who) }, { 'x-forwarded-for': ip }),
    );
    expect(res.status).toBe(200);
  };

  it('channel: totp requests from one address spend that (subject, address) budget, not the victim elsewhere', async () => {
    const tenant = tenantOf('t-totp');
    const victim = subject('victim');
    const attack = await statuses([1, 2, 3].map(() => () => ask(victim, tenant, '203.0.113.10', 'totp')));
    expect(attack).toEqual([200, 200, 429]);
    const res = await ask(victim, tenant, '198.51.100.20');
    expect(res.status).toBe(200);
  });

  it('a victim keeps signing in from an address it signed in from while many addresses spend the subject budget', async () => {
    const tenant = tenantOf('t-subject');
    const victim = subject('victim');
    await signIn(victim, tenant, '198.51.100.21');
    await pause(COOLDOWN_MS + 100);
    const attack = await statuses(
      ['203.0.113.11', '203.0.113.12', '203.0.113.13'].flatMap((ip) => [
        () => ask(victim, tenant, ip, 'totp'),
        () => ask(victim, tenant, ip, 'totp'),
      ]),
    );
    expect(attack.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect((await ask(victim, tenant, '198.51.100.21')).status).toBe(200);
    expect((await ask(victim, tenant, '198.51.100.99', 'totp')).status).toBe(429);
  });

  it('a known (subject, address) still signs in when the tenant budget is spent', async () => {
    const tenant = tenantOf('t-tenant');
    const victim = subject('victim');
    await signIn(victim, tenant, '198.51.100.22');
    await pause(COOLDOWN_MS + 100);
    const flood = await statuses(Array.from({ length: 9 }, (_, i) => () => ask(subject(`flood${i}`), tenant, `203.0.113.${20 + (i % 5)}`)));
    expect(flood.at(-1)).toBe(429);
    const refused = await ask(subject('newcomer'), tenant, '198.51.100.23');
    expect((await refused.json()).error.code).toBe('otp_rate_limited');
    expect((await ask(victim, tenant, '198.51.100.22')).status).toBe(200);
  });

  it('a request refused by the cooldown spends no budget (IP, tenant, subject)', async () => {
    const tenant = tenantOf('t-cool');
    const ip = '203.0.113.40';
    const first = subject('cool');
    expect((await ask(first, tenant, ip)).status).toBe(200);
    const refusals = await Promise.all(Array.from({ length: 6 }, () => ask(first, tenant, ip)));
    expect(refusals.map((r) => r.status)).toEqual([429, 429, 429, 429, 429, 429]);
    expect((await refusals[0].json()).error.code).toBe('otp_cooldown');
    await pause(COOLDOWN_MS + 100);
    expect((await ask(first, tenant, ip)).status).toBe(200);
    const others = await statuses([1, 2, 3, 4].map((i) => () => ask(subject(`cool${i}`), tenant, ip)));
    expect(others).toEqual([200, 200, 200, 200]);
    expect((await ask(subject('cool5'), tenant, ip)).status).toBe(429);
  });

  it('trusts one proxy hop: a client-sent first X-Forwarded-For entry does not rotate the address', async () => {
    const tenant = tenantOf('t-xff');
    const rotated = await statuses(
      Array.from({ length: 7 }, (_, i) => () => ask(subject(`xff${i}`), tenant, '198.51.100.50', 'email', `10.9.${i}.1`)),
    );
    expect(rotated).toEqual([200, 200, 200, 200, 200, 200, 429]);
  });
});
