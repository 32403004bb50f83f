import { Reflector } from '@nestjs/core';
import { ResiliencePolicy, ResolvedResiliencePolicy, resolvePolicy } from './resilience-policy';

/** The metadata key of {@link Resilience}. */
export const ResilienceDecorator = Reflector.createDecorator<ResolvedResiliencePolicy>();

/**
 * Protects a route with a circuit breaker of its own (opossum): a rolling-window failure rate
 * opens it, and while open the route answers 503 `CIRCUIT_OPEN` at once without running the
 * handler; after `openDurationMs` up to `halfOpenMaxCalls` probes decide. Optional timeout,
 * jittered retries of retryable errors, hedging (`hedgeAfterMs`, `'p95'` adaptive, within
 * a hedge budget; the loser's `@AttemptSignal()` aborts) and a fallback. Bad options fail at
 * start-up. Hedge and retry only idempotent handlers.
 *
 * @example
 * @Resilience({ enabled: true, failureRateThreshold: 0.5, windowMs: 30_000, openDurationMs: 20_000, halfOpenMaxCalls: 5 })
 * @Get('flaky')
 * flaky() { … }
 */
export function Resilience(policy: ResiliencePolicy = {}): MethodDecorator {
  return ResilienceDecorator(resolvePolicy(policy));
}
