import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { PG_POOL } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import type { Pool } from 'pg';
import { AppModule } from '../app.module';
import { FamilyClient, jwtClaims } from '../family-test.helpers';
import { adminBootstrapConfig, DEV_ADMIN } from './admin-bootstrap.config';

const ENV = { OTP_SENDER: 'capture', AUTH_MODE: 'enforce', AUTHX_TRUST_PROXY: 'true' };

describe.each(ADAPTERS)('admin login on %s', (adapter) => {
  const login = (api: FamilyClient, email: string, password: string, ip = '203.0.113.50') =>
    api.call('POST', '/admin/login', { body: { email, password }, headers: { 'x-forwarded-for': ip } });

  describe('in memory mode without a bootstrap admin', () => {
    let app: INestApplication;
    let api: FamilyClient;
    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env: testEnv('memory', ENV), globalPrefix: 'v1' });
      api = new FamilyClient(await baseUrl(app));
    });
    afterAll(() => app.close());

    it('seeds the documented dev admin, whose token carries role admin', async () => {
      const res = await login(api, 'Admin@MikasMissions.local', DEV_ADMIN.password);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 900,
        admin_user_id: expect.any(String),
        role: 'admin',
      });
      expect(jwtClaims(res.body.access_token)).toMatchObject({
        sub: res.body.admin_user_id,
        mm_role: 'admin',
        roles: ['admin'],
        tenant: 'default',
      });
    });

    it('answers 401 invalid_credentials for a wrong password, an unknown email and another tenant', async () => {
      for (const res of [
        await login(api, DEV_ADMIN.email, 'not-the-dev-password'),
        await login(api, 'nobody@mikasmissions.local', DEV_ADMIN.password),
        await api.call('POST', '/admin/login', {
          body: { email: DEV_ADMIN.email, password: DEV_ADMIN.password },
          headers: { 'x-tenant-id': 'acme' },
        }),
      ]) {
        expect([res.status, res.body.error.code]).toEqual([401, 'invalid_credentials']);
      }
      const bad = await api.call('POST', '/admin/login', { body: { email: DEV_ADMIN.email } });
      expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    });

    it('throttles guesses from one address with 429 rate_limited', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 11; i++) statuses.push((await login(api, DEV_ADMIN.email, `guess-${i}-wrong`, '198.51.100.77')).status);
      expect(statuses).toEqual([...Array(10).fill(401), 429]);
      expect((await login(api, DEV_ADMIN.email, DEV_ADMIN.password)).status).toBe(200);
    });
  });

  describe('in Postgres mode with ADMIN_BOOTSTRAP_EMAIL / ADMIN_BOOTSTRAP_PASSWORD', () => {
    const email = `ops.${Date.now().toString(36)}.${adapter}@mikasmissions.example`;
    const env = testEnv('postgres', { ...ENV, ADMIN_BOOTSTRAP_EMAIL: email, ADMIN_BOOTSTRAP_PASSWORD: 'a-long-bootstrap-password' });
    let app: INestApplication;
    let api: FamilyClient;
    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env, globalPrefix: 'v1' });
      api = new FamilyClient(await baseUrl(app));
    });
    afterAll(() => app.close());

    it('creates the bootstrap admin once (a restart keeps it) and seeds no dev admin', async () => {
      expect((await login(api, email.toUpperCase(), 'a-long-bootstrap-password')).status).toBe(200);
      const dev = await login(api, DEV_ADMIN.email, DEV_ADMIN.password);
      expect([dev.status, dev.body.error.code]).toEqual([401, 'invalid_credentials']);
      const second = await bootApp(AppModule, { adapter, env, globalPrefix: 'v1' });
      await second.close();
      const { rows } = await app.get<Pool>(PG_POOL).query(`SELECT password_hash FROM identity.admin_users WHERE email_key = $1`, [email]);
      expect(rows).toHaveLength(1);
      expect(rows[0].password_hash).toMatch(/^\$argon2id\$/);
    });
  });

  it('refuses to start with only one of the two bootstrap variables', async () => {
    await expect(
      bootApp(AppModule, {
        adapter,
        env: testEnv('memory', { ...ENV, ADMIN_BOOTSTRAP_EMAIL: 'half@mikasmissions.example' }),
        globalPrefix: 'v1',
      }),
    ).rejects.toThrow(/ADMIN_BOOTSTRAP_EMAIL and ADMIN_BOOTSTRAP_PASSWORD together/);
  });
});

describe.each(['env.dev', 'env.prod'])('%s', (file) => {
  it('declares the bootstrap admin variables', () => {
    const text = readFileSync(join(__dirname, '../../../..', file), 'utf8');
    for (const key of adminBootstrapConfig.keys) expect(text).toMatch(new RegExp(`^#?\\s*${key}=`, 'm'));
  });
});
