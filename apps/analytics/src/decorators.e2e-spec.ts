import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ADAPTERS, baseUrl, bootApp, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from './app.module';

const PREFIX = 'api/v1/analytics';

/** The runbook's curl demos (SWR cache, idempotency, resilience), as HTTP tests. */
describe.each(ADAPTERS)('runbook decorator demos on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'redis'])('with %s stores', (stores) => {
    let app: INestApplication;
    let url: string;
    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env: testEnv(stores), globalPrefix: PREFIX });
      url = await baseUrl(app, PREFIX);
    });
    afterAll(() => app.close());

    it('SWR: GET /events twice → MISS then HIT with the same body and Cache-Control', async () => {
      const headers = { 'x-tenant-id': `swr${Date.now()}${adapter}${stores}`.slice(0, 60) };
      const first = await fetch(`${url}/events`, { headers });
      const second = await fetch(`${url}/events`, { headers });
      expect(first.headers.get('x-cache')).toBe('MISS');
      expect(second.headers.get('x-cache')).toBe('HIT');
      expect(second.headers.get('cache-control')).toBe('private, max-age=5, stale-while-revalidate=25, stale-if-error=25');
      expect(await second.json()).toEqual(await first.json());
    });

    it('@Serialize keeps every declared event field on GET /events', async () => {
      const headers = { 'x-tenant-id': `ser${Date.now()}${adapter}${stores}`.slice(0, 60) };
      const created = await (
        await fetch(`${url}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
          body: JSON.stringify({ type: 'play', payload: { episode: 'e1', seconds: 42 } }),
        })
      ).json();
      const list = await (await fetch(`${url}/events?type=play`, { headers })).json();
      expect(list).toEqual({ data: [created], count: 1 });
    });

    it('idempotency: the same Idempotency-Key replays the same body and status, recording once', async () => {
      const tenant = `idem${Date.now()}${adapter}${stores}`.slice(0, 60);
      const key = `${tenant}-key`;
      const post = () =>
        fetch(`${url}/events`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': key, 'x-tenant-id': tenant },
          body: JSON.stringify({ type: 'purchase' }),
        });
      const first = await post();
      const replay = await post();
      expect(first.status).toBe(201);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      const body = await first.json();
      expect(await replay.json()).toEqual(body);
      expect(body).toMatchObject({ type: 'purchase', tenantId: tenant });
      const list = await (await fetch(`${url}/events?type=purchase`, { headers: { 'x-tenant-id': tenant } })).json();
      expect(list.count).toBe(1);
    });

    it('idempotency: POST /events without an Idempotency-Key is a 400 idempotency_key_required and records nothing', async () => {
      const tenant = `nokey${Date.now()}${adapter}${stores}`.slice(0, 60);
      const res = await fetch(`${url}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-tenant-id': tenant },
        body: JSON.stringify({ type: 'purchase' }),
      });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('idempotency_key_required');
      const list = await (await fetch(`${url}/events?type=purchase`, { headers: { 'x-tenant-id': tenant } })).json();
      expect(list.count).toBe(0);
    });

    it('resilience: the /flaky loop shows 5xx, then fast circuit_open 503s', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await fetch(`${url}/flaky`)).status);
      expect(statuses).toEqual([500, 500, 500, 503, 503]);
      const open = await fetch(`${url}/flaky`);
      expect((await open.json()).error.code).toBe('circuit_open');
    });

    it('@Flag: the benchmark routes answer 404 unless FLAG_BENCH=true', async () => {
      const res = await fetch(`${url}/bench/bare`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    });
  });
});
