import { CircuitOpenError, ResilienceTimeoutError, type ResiliencePolicy } from '@mikasmissions/resilience';
import { ServiceUnavailableError } from '@mikasmissions/service-client';

/**
 * The breaker and hedge of playback's calls to profile and billing: a second attempt after the
 * observed p95 (at most 10% extra calls), 1.5 s per attempt, and the breaker opens when half
 * of at least 3 calls in 10 s fail (5xx, refused, timeout; a 4xx is an answer) and stays open
 * for `openDurationMs`.
 */
export const upstreamPolicy = (openDurationMs: number): ResiliencePolicy => ({
  failureRateThreshold: 0.5,
  minimumCalls: 3,
  windowMs: 10_000,
  openDurationMs,
  timeoutMs: 1_500,
  hedgeAfterMs: 'p95',
  hedgeBudget: 0.1,
});

/** An open breaker or a timeout of `service`, as the 503 the ServiceClient would have answered. */
export function asUnavailable(service: string, error: unknown): unknown {
  if (error instanceof CircuitOpenError)
    return new ServiceUnavailableError(service, 'its breaker is open', { retryAfterSec: Number(error.headers?.['retry-after'] ?? 1) });
  if (error instanceof ResilienceTimeoutError) return new ServiceUnavailableError(service, 'timeout', { cause: error });
  return error;
}

/** An answer whose body is not what the agreed route returns. */
export function unexpectedAnswer(service: string, status: number): ServiceUnavailableError {
  return new ServiceUnavailableError(service, `unexpected answer (${status})`);
}
