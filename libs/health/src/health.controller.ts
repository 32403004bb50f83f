import { Controller, Get, Inject, ServiceUnavailableException } from '@nestjs/common';
import { HealthCheck, HealthCheckService, HealthIndicatorService } from '@nestjs/terminus';
import type { HealthCheckResult, HealthIndicatorResult } from '@nestjs/terminus';
import { PlatformError, Public } from '@mikasmissions/http';
import { PG_POOL, REDIS, pingPostgres, pingRedis, withTimeout } from '@mikasmissions/persistence';
import type { RedisClient } from '@mikasmissions/persistence';
import type { Pool } from 'pg';
import { ReadinessRegistry } from './readiness.registry';

/** Longest a single readiness check may take: well under a probe's timeout (Kubernetes' default is 1 s, most set 2–5 s). */
export const READINESS_CHECK_TIMEOUT_MS = 1_000;

/** `GET /health` (liveness) and `GET /ready` (readiness), outside any auth (`@Public()`). */
@Public()
@Controller()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    private readonly registry: ReadinessRegistry,
    @Inject(REDIS) private readonly redis: RedisClient | null,
    @Inject(PG_POOL) private readonly pool: Pool | null,
  ) {}

  /** Liveness: answers 200 while the process serves requests; checks nothing else. */
  @Get('health')
  live(): { status: 'ok'; uptimeSeconds: number } {
    return { status: 'ok', uptimeSeconds: Math.round(process.uptime()) };
  }

  /**
   * Readiness: every store this process uses, plus registered checks, in parallel; each is cut
   * off after {@link READINESS_CHECK_TIMEOUT_MS} (a hanging store counts as down), so the answer,
   * a 503 naming the failures, comes within about a second whatever the stores do.
   */
  @Get('ready')
  @HealthCheck()
  async ready(): Promise<HealthCheckResult> {
    const checks: Array<() => Promise<HealthIndicatorResult>> = [];
    const pool = this.pool;
    const redis = this.redis;
    if (pool) checks.push(() => this.probe('postgres', () => pingPostgres(pool, READINESS_CHECK_TIMEOUT_MS)));
    if (redis) checks.push(() => this.probe('redis', () => pingRedis(redis, READINESS_CHECK_TIMEOUT_MS)));
    for (const extra of this.registry.list()) {
      const timeoutMs = Math.min(extra.timeoutMs ?? READINESS_CHECK_TIMEOUT_MS, READINESS_CHECK_TIMEOUT_MS);
      const run = () => withTimeout(extra.check(), timeoutMs, `${extra.name} did not answer within ${timeoutMs} ms`);
      checks.push(() => this.probe(extra.name, run, extra.critical === false));
    }
    try {
      return await this.health.check(checks);
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      const result = error.getResponse() as HealthCheckResult;
      const failing = Object.keys(result.error ?? {});
      throw new PlatformError(503, 'not_ready', `not ready: ${failing.join(', ')}`, result.details);
    }
  }

  private async probe(
    key: string,
    run: () => Promise<Record<string, unknown> | void>,
    informational = false,
  ): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      const details = (await run()) ?? {};
      return indicator.up(details);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return informational ? indicator.up({ degraded: true, message }) : indicator.down({ message });
    }
  }
}
