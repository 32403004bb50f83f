import { Body, Controller, Get, type INestApplication, Module, Param, Post } from '@nestjs/common';
import { Cache, CacheModule } from '@mikasmissions/cache';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { HealthModule } from '@mikasmissions/health';
import { Idempotency, IdempotencyModule } from '@mikasmissions/idempotency';
import { originalHandler, PlatformError, PlatformHttpModule } from '@mikasmissions/http';
import { defineEvent } from '@mikasmissions/contracts-events';
import { MessagingModule, OutboxStore, Publish } from '@mikasmissions/messaging';
import { PersistenceModule } from '@mikasmissions/persistence';
import { Resilience, ResilienceModule } from '@mikasmissions/resilience';
import { Serialize, SerializeModule } from '@mikasmissions/serialize';
import { ADAPTERS, baseUrl, bootApp, testEnv, uniquePrefix, type TestStores } from '@mikasmissions/testing';

interface Order {
  orderId: string;
  item: string;
  internalNote: string;
}

const OrderPlaced = defineEvent<{ orderId: string; item: string }>({
  type: 'stack.order.placed',
  version: 1,
  schema: {
    type: 'object',
    required: ['orderId', 'item'],
    additionalProperties: false,
    properties: { orderId: { type: 'string' }, item: { type: 'string' } },
  },
});
const ORDER_SCHEMA = {
  type: 'object',
  properties: { orderId: { type: 'string' }, item: { type: 'string' } },
  required: ['orderId', 'item'],
};

const orders = new Map<string, Order>();
const calls = { reads: 0, fragile: 0 };

@Controller('stack')
class StackController {
  @Post('orders')
  @Idempotency()
  @Serialize(ORDER_SCHEMA)
  @Publish(OrderPlaced, { map: (o: Order) => ({ orderId: o.orderId, item: o.item }), aggregateId: (o) => o.orderId })
  place(@Body() body: { item: string }): Order {
    const order = {
      orderId: `o${orders.size + 1}-${Math.random().toString(36).slice(2, 8)}`,
      item: body.item,
      internalNote: 'never serialized',
    };
    orders.set(order.orderId, order);
    return order;
  }

  // Decorators listed in the "wrong" order on purpose: the pipeline's order is declared, not written.
  @Cache({ ttlMs: 60_000, key: ({ params }) => `stack:order:${String(params?.id)}` })
  @Publish(OrderPlaced, { map: (o: Order) => ({ orderId: o.orderId, item: o.item }) })
  @Get('orders/:id')
  read(@Param('id') id: string): Order {
    calls.reads++;
    const order = orders.get(id);
    if (!order) throw new PlatformError(404, 'ORDER_NOT_FOUND', 'no such order');
    return order;
  }

  @Get('plain')
  plain(): { ok: true } {
    return { ok: true };
  }

  @Resilience({ enabled: true, failureRateThreshold: 0.5, windowMs: 30_000, openDurationMs: 30_000, halfOpenMaxCalls: 1, minimumCalls: 3 })
  @Get('fragile')
  fragile(): never {
    calls.fragile++;
    throw new PlatformError(502, 'UPSTREAM_DOWN', 'the upstream is down');
  }
}

const prefix = uniquePrefix('stack');

@Module({
  imports: [
    PlatformConfigModule.forRoot(),
    ContextModule.forRoot({ serviceName: 'stack' }),
    PersistenceModule,
    PlatformHttpModule,
    HealthModule,
    // Imported in reverse of the pipeline's order: import order must not matter.
    SerializeModule,
    ResilienceModule,
    CacheModule.forRoot({ keyPrefix: `${prefix}cache:` }),
    MessagingModule.forRoot({
      service: 'stack',
      contracts: [OrderPlaced],
      keyPrefix: `${prefix}msg:`,
      streamPrefix: `${prefix}stream:`,
      relay: { enabled: false },
    }),
    IdempotencyModule.forRoot({ keyPrefix: `${prefix}idem:` }),
  ],
  controllers: [StackController],
})
class StackModule {}

describe.each(ADAPTERS)('declared pipeline stacking on %s', (adapter) => {
  describe.each<TestStores>(['memory', 'redis'])('with %s stores', (stores) => {
    let app: INestApplication;
    let url: string;
    let outbox: OutboxStore;
    const published = async () => {
      const s = await outbox.stats();
      return s.pending + s.published + s.failed;
    };

    beforeAll(async () => {
      app = await bootApp(StackModule, { adapter, env: testEnv(stores) });
      url = await baseUrl(app);
      outbox = app.get(OutboxStore);
    });
    afterAll(async () => {
      await app.close();
    });

    const place = (item: string, key?: string) =>
      fetch(`${url}/stack/orders`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
        body: JSON.stringify({ item }),
      });

    it('@Serialize + @Publish → 201 with the serialized body, and the event is built from the entity', async () => {
      const before = await published();
      const res = await place('kite');
      expect(res.status).toBe(201);
      expect(res.headers.get('content-type')).toContain('application/json');
      const body = await res.json();
      expect(body).toEqual({ orderId: expect.any(String), item: 'kite' });
      expect(await published()).toBe(before + 1);
    });

    it('an idempotent replay → one business row and one outbox row', async () => {
      const key = `${prefix}replay-${adapter}`;
      const rowsBefore = orders.size;
      const eventsBefore = await published();
      const first = await place('yo-yo', key);
      const replay = await place('yo-yo', key);
      expect(first.status).toBe(201);
      expect(replay.status).toBe(201);
      expect(replay.headers.get('idempotent-replayed')).toBe('true');
      expect(await replay.json()).toEqual(await first.json());
      expect(orders.size).toBe(rowsBefore + 1);
      expect(await published()).toBe(eventsBefore + 1);
    });

    it('a cache HIT never runs @Publish (nor the handler)', async () => {
      const order = await (await place('ball')).json();
      const readsBefore = calls.reads;
      const miss = await fetch(`${url}/stack/orders/${order.orderId}`);
      expect(miss.headers.get('x-cache')).toBe('MISS');
      const afterMiss = await published();
      const hit = await fetch(`${url}/stack/orders/${order.orderId}`);
      expect(hit.headers.get('x-cache')).toBe('HIT');
      expect(await hit.json()).toMatchObject({ orderId: order.orderId, item: 'ball' });
      expect(calls.reads).toBe(readsBefore + 1);
      expect(await published()).toBe(afterMiss);
    });

    it('a route without decorators keeps its own handler (no wrapper, no interceptor)', async () => {
      const proto = StackController.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
      expect(originalHandler(proto.plain)).toBe(proto.plain);
      expect(originalHandler(proto.place)).not.toBe(proto.place);
      expect(await (await fetch(`${url}/stack/plain`)).json()).toEqual({ ok: true });
    });

    it('a breaker-open route answers 503 circuit_open without reaching the handler', async () => {
      const before = calls.fragile;
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++) statuses.push((await fetch(`${url}/stack/fragile`)).status);
      expect(statuses.slice(0, 3)).toEqual([502, 502, 502]);
      expect(statuses.slice(3)).toEqual([503, 503, 503]);
      expect(calls.fragile).toBe(before + 3);
      const open = await fetch(`${url}/stack/fragile`);
      expect(open.headers.get('retry-after')).toBeTruthy();
      expect((await open.json()).error.code).toBe('circuit_open');
      expect(calls.fragile).toBe(before + 3);
    });
  });
});
