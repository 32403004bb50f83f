import {
  Body,
  CanActivate,
  Controller,
  type DynamicModule,
  ExecutionContext,
  Header,
  HttpCode,
  Injectable,
  type INestApplication,
  Module,
  Post,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule, RequestContext } from '@mikasmissions/context';
import { PlatformError, PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, libMigrations, testDatabaseUrl, testEnv, uniquePrefix, type TestStores } from '@mikasmissions/testing';
import { Pool } from 'pg';
import { Idempotency } from './idempotency.decorator';
import { IdempotencyModule } from './idempotency.module';
import { MemoryIdempotencyStore } from './adapters/memory/memory-idempotency.store';
import { PostgresIdempotencyStore } from './adapters/postgres/postgres-idempotency.store';
import { RedisIdempotencyStore } from './adapters/redis/redis-idempotency.store';
import { IdempotencyStore } from './ports/idempotency-store';

const executions = new Map<string, number>();
const count = (ref: string) => executions.get(ref) ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
interface OrderBody {
  ref: string;
  delayMs?: number;
}

@Controller('orders')
class OrdersController {
  @Idempotency()
  @Post()
  @HttpCode(201)
  @Header('set-cookie', 'session=secret; HttpOnly')
  @Header('x-order-source', 'test')
  async create(@Body() body: OrderBody): Promise<{ ref: string; execution: number }> {
    executions.set(body.ref, count(body.ref) + 1);
    if (body.delayMs) await sleep(body.delayMs);
    return { ref: body.ref, execution: count(body.ref) };
  }

  @Idempotency()
  @Post('flaky')
  flaky(@Body() body: OrderBody): { ref: string; execution: number } {
    executions.set(body.ref, count(body.ref) + 1);
    if (count(body.ref) === 1) throw new PlatformError(503, 'UPSTREAM_DOWN', 'billing is down');
    return { ref: body.ref, execution: count(body.ref) };
  }

  @Idempotency()
  @Post('rejected')
  rejected(@Body() body: OrderBody): never {
    executions.set(body.ref, count(body.ref) + 1);
    throw new PlatformError(409, 'out_of_stock', 'item is out of stock', { ref: body.ref });
  }

  @Idempotency({ required: true })
  @Post('strict')
  strict(@Body() body: OrderBody): { ref: string } {
    return { ref: body.ref };
  }
}

/** Test stand-in for AuthX: `x-test-user` becomes the principal. */
@Injectable()
class TestPrincipalGuard implements CanActivate {
  constructor(private readonly ctx: RequestContext) {}
  canActivate(context: ExecutionContext): boolean {
    const user = context.switchToHttp().getRequest<{ headers: Record<string, string> }>().headers['x-test-user'];
    if (user) this.ctx.setPrincipal({ userId: user, roles: [] });
    return true;
  }
}

const moduleWith = (persistence: DynamicModule | typeof PersistenceModule) => {
  @Module({
    imports: [
      PlatformConfigModule.forRoot(),
      ContextModule.forRoot(),
      persistence,
      PlatformHttpModule,
      IdempotencyModule.forRoot({ keyPrefix: uniquePrefix('idem-http'), lockTtlMs: 1_000, errorTtlMs: 1_000 }),
    ],
    controllers: [OrdersController],
    providers: [{ provide: APP_GUARD, useClass: TestPrincipalGuard }],
  })
  class IdempotencyTestModule {}
  return IdempotencyTestModule;
};

const IdempotencyTestModule = moduleWith(PersistenceModule);
/** A schema of its own with `idempotency_keys` (libs/idempotency/sql), created in beforeAll. */
const SCHEMA = `idem_stage_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
const PostgresTestModule = moduleWith(PersistenceModule.forRoot({ schema: SCHEMA }));
let admin: Pool | undefined;
beforeAll(async () => {
  admin = new Pool({ connectionString: testDatabaseUrl(), max: 1 });
  await admin.query(`CREATE SCHEMA "${SCHEMA}"`);
  for (const sql of libMigrations('idempotency', SCHEMA)) await admin.query(sql);
});
afterAll(async () => {
  await admin?.query(`DROP SCHEMA IF EXISTS "${SCHEMA}" CASCADE`);
  await admin?.end();
});

describe.each(ADAPTERS)('@Idempotency on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'redis', 'postgres'])('with %s store', (stores) => {
    let app: INestApplication;
    let url: string;
    let seq = 0;
    const ref = () => `${adapter}-${stores}-${Date.now()}-${seq++}`;
    const post = (path: string, body: unknown, key?: string, headers: Record<string, string> = {}) =>
      fetch(`${url}/orders${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key === undefined ? {} : { 'idempotency-key': key }), ...headers },
        body: JSON.stringify(body),
      });

    beforeAll(async () => {
      app = await bootApp(stores === 'postgres' ? PostgresTestModule : IdempotencyTestModule, { adapter, env: testEnv(stores) });
      url = await baseUrl(app);
    });
    afterAll(() => app.close());

    it('uses the store of its mode (Postgres once the schema holds idempotency_keys)', () => {
      const expected = { memory: MemoryIdempotencyStore, redis: RedisIdempotencyStore, postgres: PostgresIdempotencyStore }[
        stores as 'memory'
      ];
      expect(app.get(IdempotencyStore)).toBeInstanceOf(expected);
    });

    it('replays status, body and headers (never set-cookie) with idempotent-replayed: true', async () => {
      const r = ref();
      const first = await post('', { ref: r }, `key-${r}`);
      expect(first.status).toBe(201);
      expect(first.headers.get('set-cookie')).toContain('session=secret');
      expect(first.headers.get('idempotent-replayed')).toBeNull();
      const firstBody = await first.text();
      const again = await post('', { ref: r }, `key-${r}`);
      expect(again.status).toBe(201);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect(again.headers.get('x-order-source')).toBe('test');
      expect(again.headers.get('content-type')).toMatch(/^application\/json/);
      expect(again.headers.get('set-cookie')).toBeNull();
      expect(await again.text()).toBe(firstBody);
      expect(JSON.parse(firstBody)).toEqual({ ref: r, execution: 1 });
      expect(count(r)).toBe(1);
    });

    it('answers 422 when the key is reused with another payload', async () => {
      const r = ref();
      await post('', { ref: r }, `key-${r}`);
      const other = await post('', { ref: r, delayMs: 1 }, `key-${r}`);
      expect(other.status).toBe(422);
      expect((await other.json()).error.code).toBe('idempotency_key_reused');
      expect(count(r)).toBe(1);
    });

    it('100 concurrent requests with one key run the handler exactly once; the others get 409 + Retry-After or the replay', async () => {
      const r = ref();
      const responses = await Promise.all(Array.from({ length: 100 }, () => post('', { ref: r, delayMs: 1_000 }, `key-${r}`)));
      const executed = responses.filter((res) => res.status === 201 && res.headers.get('idempotent-replayed') === null);
      const conflicts = responses.filter((res) => res.status === 409);
      const replays = responses.filter((res) => res.status === 201 && res.headers.get('idempotent-replayed') === 'true');
      expect(executed).toHaveLength(1);
      expect(conflicts.length + replays.length).toBe(99);
      expect(conflicts.length).toBeGreaterThan(0);
      expect(conflicts[0].headers.get('retry-after')).toBe('1');
      expect((await conflicts[0].json()).error.code).toBe('idempotency_in_flight');
      expect(count(r)).toBe(1);
      const replay = await post('', { ref: r, delayMs: 1_000 }, `key-${r}`);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(count(r)).toBe(1);
    });

    it('renews the in-flight lock while the handler runs longer than the lock TTL', async () => {
      const r = ref();
      const slow = post('', { ref: r, delayMs: 2_600 }, `key-${r}`);
      await sleep(1_600);
      const during = await post('', { ref: r, delayMs: 2_600 }, `key-${r}`);
      expect(during.status).toBe(409);
      expect((await slow).status).toBe(201);
      expect(count(r)).toBe(1);
    });

    it('releases the key after a 5xx so the client can retry', async () => {
      const r = ref();
      const failed = await post('/flaky', { ref: r }, `key-${r}`);
      expect(failed.status).toBe(503);
      const retry = await post('/flaky', { ref: r }, `key-${r}`);
      expect(retry.status).toBe(201);
      expect(await retry.json()).toEqual({ ref: r, execution: 2 });
      expect((await post('/flaky', { ref: r }, `key-${r}`)).headers.get('idempotent-replayed')).toBe('true');
      expect(count(r)).toBe(2);
    });

    it('stores a 4xx answer and replays it', async () => {
      const r = ref();
      const first = await post('/rejected', { ref: r }, `key-${r}`);
      expect(first.status).toBe(409);
      const again = await post('/rejected', { ref: r }, `key-${r}`);
      expect(again.status).toBe(409);
      expect(again.headers.get('idempotent-replayed')).toBe('true');
      expect((await again.json()).error).toMatchObject({ code: 'out_of_stock', message: 'item is out of stock', details: { ref: r } });
      expect(count(r)).toBe(1);
    });

    it("keeps a 4xx answer only for errorTtlMs (1 s here, 1 h by default), a 2xx for the route's ttlMs", async () => {
      const r = ref();
      expect((await post('/rejected', { ref: r }, `key-${r}`)).status).toBe(409);
      expect((await post('', { ref: r }, `ok-${r}`)).status).toBe(201);
      await sleep(1_300);
      const again = await post('/rejected', { ref: r }, `key-${r}`);
      expect(again.status).toBe(409);
      expect(again.headers.get('idempotent-replayed')).toBeNull();
      expect((await post('', { ref: r }, `ok-${r}`)).headers.get('idempotent-replayed')).toBe('true');
      expect(count(r)).toBe(3);
    });

    it('scopes keys by tenant and by principal', async () => {
      const r = ref();
      const k = `shared-${r}`;
      await post('', { ref: r }, k, { 'x-tenant-id': 'tenantA' });
      await post('', { ref: r }, k, { 'x-tenant-id': 'tenantB' });
      await post('', { ref: r }, k, { 'x-tenant-id': 'tenantA', 'x-test-user': 'u1' });
      await post('', { ref: r }, k, { 'x-tenant-id': 'tenantA', 'x-test-user': 'u2' });
      expect(count(r)).toBe(4);
      const replay = await post('', { ref: r }, k, { 'x-tenant-id': 'tenantA', 'x-test-user': 'u1' });
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(count(r)).toBe(4);
    });

    it('rejects keys that are not 1-255 printable ASCII with 400, and a missing key on a required route', async () => {
      const r = ref();
      for (const bad of ['', 'x'.repeat(256), 'tab\there']) {
        const res = await post('', { ref: r }, bad);
        expect(res.status).toBe(400);
        expect((await res.json()).error.code).toBe('invalid_idempotency_key');
      }
      expect((await post('', { ref: r }, r.padEnd(255, 'x'))).status).toBe(201);
      const missing = await post('/strict', { ref: r });
      expect(missing.status).toBe(400);
      expect((await missing.json()).error.code).toBe('idempotency_key_required');
      expect((await post('/strict', { ref: r }, `key-${r}`)).status).toBe(201);
    });

    it('runs every request without a key on an optional route', async () => {
      const r = ref();
      await post('', { ref: r });
      await post('', { ref: r });
      expect(count(r)).toBe(2);
    });
  });
});

describe.each(ADAPTERS)('@Idempotency across two replicas sharing Redis on %s', (adapter) => {
  let replicas: INestApplication[];
  let urls: string[];
  beforeAll(async () => {
    replicas = await Promise.all([0, 1].map(() => bootApp(IdempotencyTestModule, { adapter, env: testEnv('redis') })));
    urls = await Promise.all(replicas.map((r) => baseUrl(r)));
  });
  afterAll(() => Promise.all(replicas.map((r) => r.close())));

  it('runs the handler once for one key sent to both replicas at the same time', async () => {
    const r = `replicas-${adapter}-${Date.now()}`;
    const send = (u: string) =>
      fetch(`${u}/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `key-${r}` },
        body: JSON.stringify({ ref: r, delayMs: 500 }),
      });
    const responses = await Promise.all(urls.flatMap((u) => Array.from({ length: 25 }, () => send(u))));
    expect(responses.filter((res) => res.status === 201 && res.headers.get('idempotent-replayed') === null)).toHaveLength(1);
    expect(count(r)).toBe(1);
    const replay = await send(urls[1]);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
  });
});
