import { PlatformError } from '@mikasmissions/http';

const RETRYABLE = Symbol.for('mikasmissions.resilience.retryable');

/** Marks `error` as safe to retry (a transient failure) and returns it. */
export function markRetryable<E extends object>(error: E): E {
  Object.defineProperty(error, RETRYABLE, { value: true });
  return error;
}

/** True for errors marked with {@link markRetryable} (timeouts and chaos errors are). */
export function isRetryable(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as Record<symbol, unknown>)[RETRYABLE] === true;
}

/** The breaker is open: the call failed fast without touching the origin. */
export class CircuitOpenError extends PlatformError {
  constructor(circuit: string, retryAfterMs: number) {
    const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
    super(503, 'circuit_open', `circuit ${circuit} is open; failing fast`, { circuit, retryAfterMs }, { 'retry-after': String(seconds) });
  }
}

/** An attempt ran longer than the policy's `timeoutMs` (retryable). */
export class ResilienceTimeoutError extends PlatformError {
  constructor(circuit: string, timeoutMs: number) {
    super(504, 'upstream_timeout', `${circuit} did not answer within ${timeoutMs} ms`);
    markRetryable(this);
  }
}

/** The reason given to a hedged attempt's AbortSignal when the other attempt won. */
export class HedgeLostError extends Error {
  constructor() {
    super('another attempt answered first');
    this.name = 'HedgeLostError';
  }
}
