import { Global, Module } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { PlatformError } from '@mikasmissions/http';
import { PG_POOL, REDIS } from '@mikasmissions/persistence';
import { HealthController, READINESS_CHECK_TIMEOUT_MS } from './health.controller';
import { HealthModule } from './health.module';
import { ReadinessRegistry } from './readiness.registry';

/** Memory mode: no pool, no Redis client. */
@Global()
@Module({
  providers: [
    { provide: REDIS, useValue: null },
    { provide: PG_POOL, useValue: null },
  ],
  exports: [REDIS, PG_POOL],
})
class NoStoresModule {}

describe('HealthController /ready with a registered check that hangs', () => {
  it('answers 503 naming the check after the cut-off, with the other checks still reported', async () => {
    const moduleRef = await Test.createTestingModule({ imports: [NoStoresModule, HealthModule] }).compile();
    const registry = moduleRef.get(ReadinessRegistry);
    registry.register({ name: 'transport', check: () => new Promise(() => undefined) });
    registry.register({ name: 'relay', check: async () => ({ pending: 0 }) });
    registry.register({ name: 'lag', check: () => new Promise(() => undefined), critical: false, timeoutMs: 50 });

    const started = Date.now();
    const error = await moduleRef
      .get(HealthController)
      .ready()
      .catch((e: unknown) => e);
    const elapsed = Date.now() - started;

    expect(error).toBeInstanceOf(PlatformError);
    expect(error).toMatchObject({ status: 503, code: 'not_ready', message: 'not ready: transport' });
    expect((error as PlatformError).details).toMatchObject({
      transport: { status: 'down', message: `transport did not answer within ${READINESS_CHECK_TIMEOUT_MS} ms` },
      relay: { status: 'up', pending: 0 },
      lag: { status: 'up', degraded: true, message: 'lag did not answer within 50 ms' },
    });
    expect(elapsed).toBeGreaterThanOrEqual(READINESS_CHECK_TIMEOUT_MS - 50);
    expect(elapsed).toBeLessThan(READINESS_CHECK_TIMEOUT_MS + 500);
    await moduleRef.close();
  });
});
