import { Reflector } from '@nestjs/core';

/** Options of {@link Chaos}; each a probability in [0, 1] except `delayMs`. */
export interface ChaosOptions {
  /** Share of requests delayed by `delayMs`. */
  probability: number;
  /** Added latency of a delayed request. */
  delayMs: number;
  /** Share of requests failed with a retryable 503 `CHAOS_INJECTED`. */
  errorRate: number;
}

/** The metadata key of {@link Chaos}. */
export const ChaosDecorator = Reflector.createDecorator<ChaosOptions>();

/**
 * Injects latency and errors into a route for breaker/hedge drills — only while
 * `FLAG_CHAOS=true`, so it is never on by accident in production. Bad options fail at start-up.
 *
 * @example
 * @Chaos({ probability: 0.2, delayMs: 200, errorRate: 0.1 })
 * @Get('quote')
 * quote() { … }
 */
export function Chaos(options: ChaosOptions): MethodDecorator {
  const share = (v: unknown) => typeof v === 'number' && v >= 0 && v <= 1;
  const problems: string[] = [];
  if (!share(options?.probability)) problems.push('probability must be in [0, 1]');
  if (!share(options?.errorRate)) problems.push('errorRate must be in [0, 1]');
  if (!Number.isInteger(options?.delayMs) || options.delayMs < 0) problems.push('delayMs must be an integer ≥ 0');
  if (problems.length > 0) throw new Error(`@Chaos: ${problems.join('; ')}`);
  return ChaosDecorator({ probability: options.probability, delayMs: options.delayMs, errorRate: options.errorRate });
}
