import { randomUUID } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import { ADAPTERS, baseUrl, bootApp, startFaultProxy, testEnv, type FaultProxy } from '@mikasmissions/testing';
import { PG_POOL } from '@mikasmissions/persistence';
import { Client, type Pool } from 'pg';
import { AppModule } from './app.module';
import { createIsolatedDatabase, type IsolatedDatabase } from './recorded-events/testing/isolated-database';

const PREFIX = 'api/v1/analytics';
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Issue 9, faults 1 and 3: Postgres goes away under a running analytics (a TCP proxy between the
 * app and its own database is cut, or made to hang, or the server terminates the app's backends)
 * and comes back. The process must stay up, say so on /ready quickly, answer 503 with Retry-After
 * (never 500), serve cached reads, and recover by itself.
 */
describe.each(ADAPTERS)('analytics through a Postgres outage (%s)', (adapter) => {
  let db: IsolatedDatabase;
  let proxy: FaultProxy;
  let app: INestApplication;
  let url: string;
  const appName = `pgfault-${adapter}-${Math.random().toString(36).slice(2, 8)}`;
  const statuses: number[] = [];

  const call = async (path: string, init: RequestInit & { tenant?: string } = {}) => {
    const headers = {
      'x-tenant-id': init.tenant ?? 'pgfault',
      ...(init.body ? { 'content-type': 'application/json', 'idempotency-key': randomUUID() } : {}),
    };
    const started = Date.now();
    const res = await fetch(`${url}${path}`, { ...init, headers });
    statuses.push(res.status);
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : undefined, ms: Date.now() - started };
  };
  const post = (tenant: string, type = 'play') => call('/events', { method: 'POST', body: JSON.stringify({ type }), tenant });

  beforeAll(async () => {
    db = await createIsolatedDatabase(`pgf${adapter.slice(0, 2)}`);
    const target = new URL(db.url);
    proxy = await startFaultProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const databaseUrl = new URL(proxy.url(db.url));
    databaseUrl.searchParams.set('application_name', appName);
    app = await bootApp(AppModule, {
      adapter,
      env: testEnv('postgres', { DATABASE_URL: databaseUrl.toString(), OUTBOX_RELAY_POLL_MS: '100' }),
      globalPrefix: PREFIX,
    });
    url = await baseUrl(app, PREFIX);
  });
  afterAll(async () => {
    await proxy?.restore();
    await app?.close();
    await proxy?.close();
    await db?.drop();
  });
  beforeEach(() => statuses.splice(0));
  afterEach(() => expect(statuses.filter((s) => s >= 500 && s !== 503)).toEqual([]));

  it('stays up while Postgres is down: /health 200, /ready 503 naming postgres, writes and uncached reads 503 with Retry-After, cached reads served; recovers by itself', async () => {
    const tenant = `cut-${Date.now().toString(36)}`;
    expect((await post(tenant)).status).toBe(201);
    const filled = await call('/events?limit=5', { tenant });
    expect(filled.status).toBe(200);
    const filledAt = Date.now();

    await proxy.cut();

    expect((await call('/health')).status).toBe(200);
    const ready = await call('/ready');
    expect(ready.status).toBe(503);
    expect(ready.ms).toBeLessThan(1_500);
    expect(ready.body.error).toMatchObject({ code: 'not_ready', message: expect.stringContaining('postgres') });
    expect(ready.body.error.details.postgres.status).toBe('down');

    for (let i = 0; i < 3; i += 1) {
      const write = await post(tenant);
      expect(write.status).toBe(503);
      // POST /events requires an Idempotency-Key: its claim in Postgres is the first thing to fail
      expect(write.body.error.code).toBe('idempotency_unavailable');
      expect(Number(write.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    const uncached = await call('/events?limit=6', { tenant });
    expect(uncached.status).toBe(503);
    expect(uncached.body.error.code).toBe('store_unavailable');
    expect(uncached.headers.get('retry-after')).toBeTruthy();

    const hit = await call('/events?limit=5', { tenant });
    expect(hit.status).toBe(200);
    expect(hit.headers.get('x-cache')).toBe('HIT');
    expect(hit.body).toEqual(filled.body);
    await sleep(Math.max(0, filledAt + 5_200 - Date.now()));
    const stale = await call('/events?limit=5', { tenant });
    expect(stale.status).toBe(200);
    expect(stale.headers.get('x-cache')).toBe('STALE');
    expect(stale.body).toEqual(filled.body);
    expect((await call('/health')).status).toBe(200);

    await proxy.restore();
    const restoredAt = Date.now();
    let write = await post(tenant);
    while (write.status !== 201 && Date.now() - restoredAt < 5_000) {
      await sleep(200);
      write = await post(tenant);
    }
    expect(write.status).toBe(201);
    expect(Date.now() - restoredAt).toBeLessThan(5_000);
    expect((await call('/ready')).status).toBe(200);
    expect((await call(`/events?limit=7`, { tenant })).body.count).toBe(2);
  }, 30_000);

  it('answers /ready 503 within about a second when Postgres accepts connections but never answers', async () => {
    await proxy.hang();
    try {
      const [ready, health] = await Promise.all([call('/ready'), call('/health')]);
      expect(health.status).toBe(200);
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(1_500);
      expect(ready.body.error.message).toContain('postgres');
      const again = await call('/ready');
      expect(again.status).toBe(503);
      expect(again.ms).toBeLessThan(1_500);
    } finally {
      await proxy.restore();
    }
    const restoredAt = Date.now();
    let ready = await call('/ready');
    while (ready.status !== 200 && Date.now() - restoredAt < 5_000) {
      await sleep(200);
      ready = await call('/ready');
    }
    expect(ready.status).toBe(200);
  }, 20_000);

  it("survives the server terminating its connections (idle pool clients, one checked out in a transaction, the relay's LISTEN client)", async () => {
    const tenant = `term-${Date.now().toString(36)}`;
    await Promise.all([post(tenant), post(tenant), call('/ready')]);
    const inTransaction = await app.get<Pool>(PG_POOL).connect();
    await inTransaction.query('BEGIN');
    await sleep(300);
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ pid: number }>(
        'SELECT pg_terminate_backend(pid) AS ok, pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1',
        [appName],
      );
      expect(rows.length).toBeGreaterThanOrEqual(3);
    } finally {
      await admin.end();
    }
    await sleep(300);
    await expect(inTransaction.query('SELECT 1')).rejects.toThrow();
    inTransaction.release(true);
    expect((await call('/health')).status).toBe(200);
    let write = await post(tenant);
    for (let i = 0; write.status !== 201 && i < 10; i += 1) {
      await sleep(200);
      write = await post(tenant);
    }
    expect(write.status).toBe(201);
    expect((await call('/ready')).status).toBe(200);
  }, 20_000);
});
