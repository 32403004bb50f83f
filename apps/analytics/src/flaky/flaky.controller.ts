import { Controller, Get } from '@nestjs/common';
import { PlatformError } from '@mikasmissions/http';
import { Resilience } from '@mikasmissions/resilience';

/** The demo upstream failure of `GET /flaky`. */
export class FlakyUpstreamError extends PlatformError {
  constructor() {
    super(500, 'flaky_upstream_failed', 'the flaky demo upstream failed on purpose');
  }
}

/**
 * `GET /flaky`: fails on purpose, behind the runbook's breaker. The first calls answer 500;
 * once the failure rate opens the circuit, calls answer 503 `CIRCUIT_OPEN` at once for 20 s.
 */
@Controller('flaky')
export class FlakyController {
  @Resilience({ enabled: true, failureRateThreshold: 0.5, windowMs: 30_000, openDurationMs: 20_000, halfOpenMaxCalls: 5 })
  @Get()
  flaky(): never {
    throw new FlakyUpstreamError();
  }
}
