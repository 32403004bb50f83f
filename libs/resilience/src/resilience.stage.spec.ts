import { Controller, Get, type INestApplication, Module } from '@nestjs/common';
import { PlatformConfigModule } from '@mikasmissions/config';
import { ContextModule } from '@mikasmissions/context';
import { HealthModule } from '@mikasmissions/health';
import { PlatformError, PlatformHttpModule } from '@mikasmissions/http';
import { PersistenceModule } from '@mikasmissions/persistence';
import { ADAPTERS, baseUrl, bootApp, testEnv } from '@mikasmissions/testing';
import { AttemptSignal } from './attempt-signal';
import { Chaos } from './chaos.decorator';
import { Resilience } from './resilience.decorator';
import { ResilienceModule } from './resilience.module';

const counters = { broken: 0, hedged: 0, chaos: 0 };
const aborted: boolean[] = [];

@Controller('r')
class ResilientController {
  @Resilience({ enabled: true, failureRateThreshold: 0.5, windowMs: 30_000, openDurationMs: 20_000, halfOpenMaxCalls: 5 })
  @Get('broken')
  broken(): never {
    counters.broken++;
    throw new PlatformError(500, 'BROKEN', 'fails on purpose');
  }

  @Resilience({ hedgeAfterMs: 100 })
  @Get('hedged')
  async hedged(@AttemptSignal() signal: AbortSignal): Promise<{ attempt: number }> {
    const attempt = ++counters.hedged;
    if (attempt % 2 === 1) {
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      aborted.push(signal.aborted);
    }
    return { attempt };
  }

  @Chaos({ probability: 1, delayMs: 300, errorRate: 1 })
  @Get('chaos')
  chaos(): { ok: true } {
    counters.chaos++;
    return { ok: true };
  }
}

@Module({
  imports: [PlatformConfigModule.forRoot(), ContextModule.forRoot(), PersistenceModule, PlatformHttpModule, HealthModule, ResilienceModule],
  controllers: [ResilientController],
})
class ResilienceTestModule {}

describe.each(ADAPTERS)('@Resilience on %s', (adapter) => {
  let app: INestApplication;
  let url: string;
  beforeAll(async () => {
    counters.broken = counters.hedged = counters.chaos = 0;
    app = await bootApp(ResilienceTestModule, { adapter, env: testEnv('redis', { FLAG_CHAOS: 'true' }) });
    url = await baseUrl(app);
  });
  afterAll(() => app.close());

  it('answers 5xx, then fast 503 circuit_open without running the handler; /ready shows the circuit', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await fetch(`${url}/r/broken`)).status);
    expect(statuses).toEqual([500, 500, 500, 503, 503]);
    expect(counters.broken).toBe(3);
    const open = await fetch(`${url}/r/broken`);
    expect(open.headers.get('retry-after')).toBe('20');
    expect((await open.json()).error).toMatchObject({ code: 'circuit_open', details: { circuit: 'ResilientController.broken' } });
    const ready = await fetch(`${url}/ready`);
    expect(ready.status).toBe(200);
    const details = (await ready.json()).details.circuits;
    expect(details['ResilientController.broken']).toMatchObject({ state: 'open', failures: 3, rejects: 3 });
  });

  it('hedges a slow handler: the second attempt answers and the first one is aborted', async () => {
    aborted.length = 0;
    const res = await fetch(`${url}/r/hedged`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ attempt: counters.hedged });
    for (let i = 0; i < 50 && aborted.length === 0; i++) await new Promise((r) => setTimeout(r, 10));
    expect(aborted).toEqual([true]);
  });

  it('@Chaos injects delay and a 503 while FLAG_CHAOS=true', async () => {
    const started = Date.now();
    const res = await fetch(`${url}/r/chaos`);
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('chaos_injected');
    expect(counters.chaos).toBe(0);
  });
});

describe('@Chaos without FLAG_CHAOS', () => {
  it('does nothing', async () => {
    const app = await bootApp(ResilienceTestModule, { adapter: 'express', env: testEnv('memory') });
    try {
      const res = await fetch(`${await baseUrl(app)}/r/chaos`);
      expect(res.status).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('rejects bad options at start-up', () => {
    expect(() => Chaos({ probability: 2, delayMs: -1, errorRate: 0 })).toThrow(
      '@Chaos: probability must be in [0, 1]; delayMs must be an integer ≥ 0',
    );
    expect(() => Resilience({ windowMs: 0 })).toThrow('@Resilience: windowMs must be a positive integer');
  });
});
