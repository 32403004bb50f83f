import { Controller, Get, type INestApplication, Module, Post, Query } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { PlatformError, PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { Serialize, SerializeModule } from '@mikasmissions/serialize';
import { ADAPTERS, baseUrl, bootApp, testEnv, uniquePrefix, type TestStores } from '@mikasmissions/testing';
import { Cache } from './cache.decorator';
import { CacheModule } from './cache.module';
import { CacheService } from './cache.service';

const calls = new Map<string, number>();
const failing = new Set<string>();
const count = (v: string) => calls.get(v) ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TTL = 1_500;
const SWR = 4_000;

@Controller('items')
class ItemsController {
  constructor(private readonly cache: CacheService) {}

  @Cache({ ttlMs: TTL, swrMs: SWR, key: ({ query }) => `items:${String(query.v)}`, tags: ['items'] })
  @Get()
  async list(@Query('v') v: string, @Query('delay') delay?: string): Promise<{ v: string; version: number; secret: string }> {
    calls.set(v, count(v) + 1);
    const version = count(v);
    if (delay) await sleep(Number(delay));
    if (failing.has(v)) throw new PlatformError(502, 'ORIGIN_DOWN', 'origin is down');
    return { v, version, secret: 'never-leaks-through-serialize' };
  }

  @Cache({ ttlMs: 60_000, key: ({ query }) => `long:${String(query.v)}` })
  @Get('long')
  async long(@Query('v') v: string): Promise<{ v: string; version: number }> {
    calls.set(v, count(v) + 1);
    await sleep(300);
    return { v, version: count(v) };
  }

  @Serialize({ type: 'object', properties: { v: { type: 'string' }, version: { type: 'number' } } })
  @Cache({ ttlMs: TTL, swrMs: SWR, key: ({ query }) => `ser:${String(query.v)}` })
  @Get('serialized')
  serialized(@Query('v') v: string): { v: string; version: number; secret: string } {
    calls.set(v, count(v) + 1);
    return { v, version: count(v), secret: 'never-leaks-through-serialize' };
  }

  @Post('invalidate')
  async invalidate(@Query('v') v: string, @Query('how') how: string): Promise<{ n: number }> {
    if (how === 'key') await this.cache.invalidate(`items:${v}`);
    if (how === 'tag') return { n: await this.cache.invalidateTag('items') };
    if (how === 'expire') return { n: await this.cache.expireByTag('items') };
    return { n: 1 };
  }
}

const PREFIX = uniquePrefix('cache-http');

@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot(),
    PersistenceModule,
    PlatformHttpModule,
    CacheModule.forRoot({ keyPrefix: PREFIX, lockTtlMs: 2_000 }),
    SerializeModule,
  ],
  controllers: [ItemsController],
})
class CacheTestModule {}

async function until(check: () => boolean, ms = 5_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check() && Date.now() < end) await sleep(20);
}

describe.each(ADAPTERS)('@Cache on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'redis'])('with %s store', (stores) => {
    let app: INestApplication;
    let url: string;
    let seq = 0;
    const v = () => `${adapter}-${stores}-${Date.now()}-${seq++}`;
    const get = (value: string, headers: Record<string, string> = {}, extra = '') => fetch(`${url}/items?v=${value}${extra}`, { headers });

    beforeAll(async () => {
      app = await bootApp(CacheTestModule, { adapter, env: testEnv(stores) });
      url = await baseUrl(app);
    });
    afterAll(() => app.close());

    it('MISS then HIT from cache without calling the origin, with Age and Cache-Control', async () => {
      const key = v();
      const miss = await get(key);
      expect(miss.status).toBe(200);
      expect(miss.headers.get('x-cache')).toBe('MISS');
      expect(miss.headers.get('age')).toBe('0');
      expect(miss.headers.get('cache-control')).toBe('private, max-age=1, stale-while-revalidate=4, stale-if-error=4');
      const body = await miss.json();
      const hit = await get(key);
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(hit.headers.get('content-type')).toMatch(/^application\/json/);
      expect(Number(hit.headers.get('age'))).toBeGreaterThanOrEqual(0);
      expect(await hit.json()).toEqual(body);
      expect(count(key)).toBe(1);
    });

    it('1,000 concurrent misses run the handler exactly once', async () => {
      const key = v();
      const responses = await Promise.all(Array.from({ length: 1_000 }, () => fetch(`${url}/items/long?v=${key}`)));
      expect(responses.every((r) => r.status === 200)).toBe(true);
      const bodies = new Set(await Promise.all(responses.map((r) => r.text())));
      expect(bodies.size).toBe(1);
      expect(count(key)).toBe(1);
    });

    it('serves stale at once and revalidates once in the background, then serves the fresh value', async () => {
      const key = v();
      await get(key);
      await sleep(TTL + 200);
      const started = Date.now();
      const first = await get(key, {}, '&delay=1000');
      expect(Date.now() - started).toBeLessThan(1_000);
      expect([first.headers.get('x-cache'), (await first.json()).version]).toEqual(['STALE', 1]);
      const burst = await Promise.all(Array.from({ length: 20 }, () => get(key, {}, '&delay=1000')));
      const states = await Promise.all(burst.map(async (res) => [res.headers.get('x-cache'), (await res.json()).version]));
      for (const state of states)
        expect([
          ['STALE', 1],
          ['HIT', 2],
        ]).toContainEqual(state);
      let fresh: [string | null, number] = ['STALE', 1];
      for (let i = 0; i < 100 && fresh[0] !== 'HIT'; i++) {
        await sleep(50);
        const res = await get(key);
        fresh = [res.headers.get('x-cache'), (await res.json()).version];
      }
      expect(fresh).toEqual(['HIT', 2]);
      expect(count(key)).toBe(2);
    });

    it('keeps serving stale while the origin fails, and never caches errors', async () => {
      const key = v();
      await get(key);
      failing.add(key);
      await sleep(TTL + 200);
      for (let i = 0; i < 5; i++) {
        const res = await get(key);
        expect(res.status).toBe(200);
        expect(res.headers.get('x-cache')).toBe('STALE');
        expect((await res.json()).version).toBe(1);
      }
      const broken = v();
      failing.add(broken);
      expect((await get(broken)).status).toBe(502);
      failing.delete(broken);
      const retry = await get(broken);
      expect(retry.status).toBe(200);
      expect(retry.headers.get('x-cache')).toBe('MISS');
      expect(count(broken)).toBe(2);
    });

    it('scopes keys by tenant', async () => {
      const key = v();
      const a = await (await get(key, { 'x-tenant-id': 'tenantA' })).json();
      const b = await get(key, { 'x-tenant-id': 'tenantB' });
      expect(b.headers.get('x-cache')).toBe('MISS');
      expect((await b.json()).version).toBe(2);
      expect(a.version).toBe(1);
      expect((await get(key, { 'x-tenant-id': 'tenantA' })).headers.get('x-cache')).toBe('HIT');
    });

    it('invalidates by key and by tag; expireByTag serves stale while one refresh runs', async () => {
      const key = v();
      await get(key);
      await fetch(`${url}/items/invalidate?v=${key}&how=key`, { method: 'POST' });
      expect((await get(key)).headers.get('x-cache')).toBe('MISS');
      await fetch(`${url}/items/invalidate?how=tag`, { method: 'POST' });
      expect((await get(key)).headers.get('x-cache')).toBe('MISS');
      expect(count(key)).toBe(3);
      await fetch(`${url}/items/invalidate?how=expire`, { method: 'POST' });
      const stale = await get(key);
      expect(stale.headers.get('x-cache')).toBe('STALE');
      expect((await stale.json()).version).toBe(3);
      let fresh: [string | null, number] = ['STALE', 3];
      for (let i = 0; i < 100 && fresh[0] !== 'HIT'; i++) {
        await sleep(50);
        const res = await get(key);
        fresh = [res.headers.get('x-cache'), (await res.json()).version];
      }
      expect(fresh).toEqual(['HIT', 4]);
      expect(count(key)).toBe(4);
    });

    it('stacks with @Serialize: cached bodies never carry fields outside the schema', async () => {
      const key = v();
      const miss = await fetch(`${url}/items/serialized?v=${key}`);
      const hit = await fetch(`${url}/items/serialized?v=${key}`);
      expect(hit.headers.get('x-cache')).toBe('HIT');
      for (const text of [await miss.text(), await hit.text()]) expect(JSON.parse(text)).toEqual({ v: key, version: 1 });
    });
  });

  describe('across two replicas sharing Redis', () => {
    let replicas: INestApplication[];
    let urls: string[];
    beforeAll(async () => {
      replicas = await Promise.all([0, 1].map(() => bootApp(CacheTestModule, { adapter, env: testEnv('redis') })));
      urls = await Promise.all(replicas.map((r) => baseUrl(r)));
    });
    afterAll(() => Promise.all(replicas.map((r) => r.close())));

    it('fills a miss once and revalidates a stale key once in total', async () => {
      const key = `replicas-${adapter}-${Date.now()}`;
      await Promise.all(urls.flatMap((u) => Array.from({ length: 20 }, () => fetch(`${u}/items?v=${key}&delay=300`))));
      expect(count(key)).toBe(1);
      await sleep(TTL + 200);
      const stale = await Promise.all(urls.flatMap((u) => Array.from({ length: 20 }, () => fetch(`${u}/items?v=${key}&delay=300`))));
      expect(stale.every((r) => r.headers.get('x-cache') === 'STALE')).toBe(true);
      await until(() => count(key) === 2);
      await sleep(500);
      expect(count(key)).toBe(2);
    });
  });

  describe('with Redis configured but down', () => {
    let app: INestApplication;
    let url: string;
    beforeAll(async () => {
      app = await bootApp(CacheTestModule, { adapter, env: testEnv('memory', { REDIS_URL: 'redis://127.0.0.1:1' }) });
      url = await baseUrl(app);
    });
    afterAll(() => app.close());

    it('answers every request from the origin, never with a 5xx', async () => {
      const key = `down-${adapter}-${Date.now()}`;
      for (let i = 1; i <= 3; i++) {
        const res = await fetch(`${url}/items?v=${key}`);
        expect(res.status).toBe(200);
        expect(res.headers.get('x-cache')).toBe('MISS');
        expect((await res.json()).version).toBe(i);
      }
    });
  });
});

describe('@Cache options', () => {
  it('fail when the class is defined', () => {
    expect(() => Cache({ ttlMs: 0 })).toThrow('@Cache: ttlMs must be a positive integer');
    expect(() => Cache({ ttlMs: 1_000, swrMs: -1, scope: 'world' as never })).toThrow(
      "swrMs must be an integer ≥ 0; scope must be 'tenant', 'principal' or 'global'",
    );
  });
});
