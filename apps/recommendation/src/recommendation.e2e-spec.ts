import type { INestApplication } from '@nestjs/common';
import { ADAPTERS, baseUrl, bootApp, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from './app.module';

const PREFIX = 'v1';

const post = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

describe.each(ADAPTERS)('recommendation on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'postgres'])('with %s stores', (stores) => {
    let app: INestApplication;
    let url: string;

    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env: testEnv(stores), globalPrefix: PREFIX });
      url = await baseUrl(app, PREFIX);
    });
    afterAll(() => app.close());

    it('answers /health and /ready', async () => {
      const health = await fetch(`${url}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok' });
      const ready = await fetch(`${url}/ready`);
      expect(ready.status).toBe(200);
      const body = await ready.json();
      expect(body.status).toBe('ok');
      if (stores === 'postgres') expect(body.details.postgres.status).toBe('up');
    });

    it('creates rails, reads one back and lists them newest first, per tenant', async () => {
      const headers = { 'x-tenant-id': `t${Date.now()}${adapter}${stores}`.slice(0, 60) };
      const created = await fetch(`${url}/rails`, post({ name: 'first' }, headers));
      expect(created.status).toBe(201);
      const first = await created.json();
      expect(first).toEqual({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        tenantId: headers['x-tenant-id'],
        name: 'first',
        createdAt: expect.any(String),
      });
      const second = await (await fetch(`${url}/rails`, post({ name: 'second' }, headers))).json();

      const read = await fetch(`${url}/rails/${first.id}`, { headers });
      expect(read.status).toBe(200);
      expect(await read.json()).toEqual(first);
      const list = await (await fetch(`${url}/rails`, { headers })).json();
      expect(list).toEqual({ data: [second, first], count: 2 });
      expect(await (await fetch(`${url}/rails?limit=1`, { headers })).json()).toEqual({ data: [second], count: 1 });
      expect((await (await fetch(`${url}/rails`, { headers: { 'x-tenant-id': `${headers['x-tenant-id']}x` } })).json()).count).toBe(0);
    });

    it('answers 404 rail_not_found for an unknown id, a malformed one and another tenant', async () => {
      const mine = await (await fetch(`${url}/rails`, post({ name: 'mine' }, { 'x-tenant-id': 'owner' }))).json();
      for (const [id, tenant] of [
        ['00000000-0000-4000-8000-000000000000', 'owner'],
        ['not-a-uuid', 'owner'],
        [mine.id, 'stranger'],
      ]) {
        const res = await fetch(`${url}/rails/${id}`, { headers: { 'x-tenant-id': tenant, 'x-request-id': 'missing-1' } });
        expect(res.status).toBe(404);
        expect(await res.json()).toEqual({ error: { code: 'rail_not_found', message: expect.any(String), requestId: 'missing-1' } });
      }
    });

    it('rejects bad input with 400 validation_failed and stores nothing', async () => {
      const headers = { 'x-tenant-id': `inv${Date.now()}${adapter}${stores}`.slice(0, 60) };
      for (const body of [{}, { name: '' }, { name: '   ' }, { name: 'x'.repeat(201) }, { name: 7 }, { name: 'ok', extra: 1 }]) {
        const res = await fetch(`${url}/rails`, post(body, headers));
        expect(res.status).toBe(400);
        const err = await res.json();
        expect(err.error.code).toBe('validation_failed');
        expect(Array.isArray(err.error.details)).toBe(true);
      }
      expect((await fetch(`${url}/rails?limit=0`, { headers })).status).toBe(400);
      expect(await (await fetch(`${url}/rails`, { headers })).json()).toEqual({ data: [], count: 0 });
    });
  });
});
