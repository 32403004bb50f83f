import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { Cache } from '@mikasmissions/cache';
import { Flag } from '@mikasmissions/flags';
import { Idempotency } from '@mikasmissions/idempotency';
import { AnalyticsEventRecorded } from '@mikasmissions/contracts-events';
import { Publish } from '@mikasmissions/messaging';
import { Chaos, Resilience } from '@mikasmissions/resilience';
import { Serialize } from '@mikasmissions/serialize';
import { eventsResponseSchema } from '../events/dto/events-response.schema';

interface BenchEvents {
  data: Array<{
    id: string;
    tenantId: string;
    type: string;
    payload: Record<string, unknown> | null;
    occurredAt: string;
    createdAt: string;
  }>;
  count: number;
}

const at = '2026-01-01T10:00:00.000Z';
const data = Array.from({ length: 10 }, (_, i) => ({
  id: `e${i}`,
  tenantId: 'default',
  type: 'play',
  payload: { episode: `ep${i}` },
  occurredAt: at,
  createdAt: at,
}));
const events = (): BenchEvents => ({ data: data.map((e) => ({ ...e })), count: data.length });

/**
 * Routes for `pnpm run bench:decorators`: one payload (ten events) behind each decorator,
 * compared with the bare route. Hidden (404) unless `FLAG_BENCH=true`.
 */
@Flag('BENCH')
@Controller('bench')
export class BenchController {
  @Get('bare')
  bare(): BenchEvents {
    return events();
  }

  @Cache({ ttlMs: 600_000, swrMs: 0, key: () => 'bench:hit' })
  @Get('cached')
  cached(): BenchEvents {
    return events();
  }

  @Serialize(eventsResponseSchema)
  @Get('serialized')
  serialized(): BenchEvents {
    return events();
  }

  @Idempotency()
  @Post('idempotent')
  @HttpCode(201)
  idempotent(@Body() body: unknown): BenchEvents & { body: unknown } {
    return { ...events(), body };
  }

  /** Every decorator on one GET: a HIT answers from the cache, so nothing is published. */
  @Idempotency()
  @Publish(AnalyticsEventRecorded, {
    map: (e: BenchEvents) => ({ eventId: e.data[0].id, eventType: e.data[0].type, occurredAt: e.data[0].occurredAt }),
  })
  @Cache({ ttlMs: 600_000, swrMs: 0, key: () => 'bench:stacked' })
  @Resilience({ enabled: true, failureRateThreshold: 0.5, windowMs: 30_000, openDurationMs: 20_000, halfOpenMaxCalls: 5 })
  @Chaos({ probability: 0, delayMs: 0, errorRate: 0 })
  @Serialize(eventsResponseSchema)
  @Get('stacked')
  stacked(): BenchEvents {
    return events();
  }

  @Resilience({ enabled: true, failureRateThreshold: 0.5, windowMs: 30_000, openDurationMs: 20_000, halfOpenMaxCalls: 5 })
  @Get('resilient')
  resilient(): BenchEvents {
    return events();
  }
}
