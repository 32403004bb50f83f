import { createServer } from 'node:net';
import type { INestApplication } from '@nestjs/common';
import { baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { AppModule } from '../app.module';
import { billingClient, freshId } from '../testing/billing-test-client';

/** Booting with Postgres, Redis and the consumers can take a while when the machine is busy. */
const BOOT_TIMEOUT_MS = 30_000;

/** A loopback port nothing listens on (bound, read, released). */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('billing entitlements with profile unreachable', () => {
  let app: INestApplication;
  let call: ReturnType<typeof billingClient>;

  beforeAll(async () => {
    const env = testEnv('memory', {
      AUTH_MODE: 'enforce',
      PROFILE_URL: `http://127.0.0.1:${await closedPort()}`,
      SERVICE_CLIENT_TIMEOUT_MS: '500',
    });
    app = await bootApp(AppModule, { adapter: 'express', env, globalPrefix: 'v1' });
    call = billingClient(await baseUrl(app));
  }, BOOT_TIMEOUT_MS);
  afterAll(() => app.close());

  it('a child lookup is 503 profile_unavailable with Retry-After, never a guess', async () => {
    const res = await call({ service: 'playback' }, 'GET', `/v1/billing/entitlements?child_profile_id=${freshId('k')}`);
    expect([res.status, res.body.error.code]).toEqual([503, 'profile_unavailable']);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
