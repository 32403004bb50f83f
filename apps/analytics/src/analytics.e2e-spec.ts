import type { INestApplication } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { ADAPTERS, baseUrl, bootApp, testEnv, type TestStores } from '@mikasmissions/testing';
import { AppModule } from './app.module';

const PREFIX = 'api/v1/analytics';

/** A POST of `body`; `POST /events` requires an Idempotency-Key, so each call sends a fresh one. */
const json = (body: unknown, headers: Record<string, string> = {}): RequestInit => ({
  method: 'POST',
  headers: { 'content-type': 'application/json', 'idempotency-key': randomUUID(), ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe.each(ADAPTERS)('analytics on %s', (adapter) => {
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

    it('echoes a sane x-request-id and /me returns it', async () => {
      const res = await fetch(`${url}/me`, { headers: { 'x-request-id': 'req-abc.123' } });
      expect(res.headers.get('x-request-id')).toBe('req-abc.123');
      expect(await res.json()).toMatchObject({ requestId: 'req-abc.123', tenantId: 'default' });
    });

    it('generates a UUID request id when none or an insane one is sent', async () => {
      const none = await fetch(`${url}/me`);
      const insane = await fetch(`${url}/me`, { headers: { 'x-request-id': 'a b<script>' } });
      for (const res of [none, insane]) {
        const id = res.headers.get('x-request-id');
        expect(id).toMatch(/^[0-9a-f-]{36}$/);
        expect((await res.json()).requestId).toBe(id);
      }
    });

    it('stores events per tenant and lists them newest first', async () => {
      const tenant = `t${Date.now()}${adapter}${stores}`.slice(0, 60);
      const headers = { 'x-tenant-id': tenant };
      const first = await fetch(
        `${url}/events`,
        json({ type: 'play', payload: { episode: 'e1' }, occurredAt: '2026-01-01T10:00:00Z' }, headers),
      );
      expect(first.status).toBe(201);
      const created = await first.json();
      expect(created).toMatchObject({ type: 'play', tenantId: tenant, payload: { episode: 'e1' }, occurredAt: '2026-01-01T10:00:00.000Z' });
      await fetch(`${url}/events`, json({ type: 'pause', occurredAt: '2026-01-01T11:00:00Z' }, headers));

      const list = await (await fetch(`${url}/events`, { headers })).json();
      expect(list.count).toBe(2);
      expect(list.data.map((e: { type: string }) => e.type)).toEqual(['pause', 'play']);
      const other = await (await fetch(`${url}/events`, { headers: { 'x-tenant-id': `${tenant}x` } })).json();
      expect(other.count).toBe(0);
      const filtered = await (await fetch(`${url}/events?type=play`, { headers })).json();
      expect(filtered.data).toHaveLength(1);
    });

    it('rejects malformed JSON with 400 in the platform error shape', async () => {
      const res = await fetch(`${url}/events`, json('{"type":', { 'x-request-id': 'bad-json-1' }));
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: { code: 'malformed_json', message: expect.any(String), requestId: 'bad-json-1' } });
    });

    it('rejects invalid events with 400 validation_failed and stores nothing', async () => {
      const tenant = `inv${Date.now()}`;
      for (const body of [
        {},
        { type: '' },
        { type: 'x'.repeat(101) },
        { type: 'ok', occurredAt: 'yesterday' },
        { type: 'ok', occurredAt: '9999-12-31T23:59:59.999-23:59' },
        { type: 'ok', occurredAt: '0000-01-01T00:00:00Z' },
        { type: 'ok', extra: 1 },
        { type: 'ok', payload: [1] },
      ]) {
        const res = await fetch(`${url}/events`, json(body, { 'x-tenant-id': tenant }));
        expect(res.status).toBe(400);
        const err = await res.json();
        expect(err.error.code).toBe('validation_failed');
        expect(Array.isArray(err.error.details)).toBe(true);
      }
      const list = await (await fetch(`${url}/events`, { headers: { 'x-tenant-id': tenant } })).json();
      expect(list.count).toBe(0);
    });

    it('answers 400, never 5xx, for JSON no store can hold (NUL, lone surrogate, deep nesting)', async () => {
      const deep = `{"type":"x","payload":{"a":${'['.repeat(5000)}${']'.repeat(5000)}}}`;
      for (const body of ['{"type":"x","payload":{"a":"\\u0000"}}', '{"type":"x","payload":{"a":"\\ud800"}}', deep]) {
        const res = await fetch(`${url}/events`, json(body));
        expect(res.status).toBe(400);
        expect(['invalid_json_string', 'json_too_deep']).toContain((await res.json()).error.code);
      }
    });

    it('rejects bodies over the limit with 413 and bad query/tenant with 400', async () => {
      const big = await fetch(`${url}/events`, json({ type: 'x', payload: { blob: 'a'.repeat(1_100_000) } }));
      expect(big.status).toBe(413);
      expect((await big.json()).error.code).toBe('payload_too_large');
      const limit = await fetch(`${url}/events?limit=-3`);
      expect(limit.status).toBe(400);
      const tenant = await fetch(`${url}/events`, { headers: { 'x-tenant-id': '../etc' } });
      expect(tenant.status).toBe(400);
      expect((await tenant.json()).error.code).toBe('invalid_tenant');
    });

    it('answers unknown routes with 404 in the error shape', async () => {
      const res = await fetch(`${url}/nope`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    });
  });

  describe('with Redis configured but unreachable', () => {
    let app: INestApplication;
    let url: string;

    beforeAll(async () => {
      app = await bootApp(AppModule, { adapter, env: testEnv('memory', { REDIS_URL: 'redis://127.0.0.1:1' }), globalPrefix: PREFIX });
      url = await baseUrl(app, PREFIX);
    });
    afterAll(() => app.close());

    it('stays live but /ready answers 503 naming redis', async () => {
      expect((await fetch(`${url}/health`)).status).toBe(200);
      const res = await fetch(`${url}/ready`);
      expect(res.status).toBe(503);
      const body = await res.json();
      expect(body.error.code).toBe('not_ready');
      expect(body.error.message).toContain('redis');
      expect(body.error.details.redis.status).toBe('down');
    });
  });
});
