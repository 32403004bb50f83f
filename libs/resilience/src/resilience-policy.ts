/** Retry settings: exponential backoff with full jitter, only for retryable errors. */
export interface RetryPolicy {
  /** Extra attempts after the first. */
  max: number;
  /** Backoff of the first retry (before jitter). Default: 100 ms. */
  baseDelayMs?: number;
  /** Upper bound of any backoff. Default: 2 s. */
  maxDelayMs?: number;
}

/** The resilience policy of a route (`@Resilience`) or a wrapped call (`ResilienceService.wrap`). */
export interface ResiliencePolicy {
  /** Off → the call runs unprotected. Default: true. */
  enabled?: boolean;
  /** Failure rate (0–1] in the rolling window that opens the breaker. Default: 0.5. */
  failureRateThreshold?: number;
  /** Length of the rolling window. Default: 30 s. */
  windowMs?: number;
  /** How long the breaker stays open before half-open probes. Default: 20 s. */
  openDurationMs?: number;
  /** Calls admitted while half-open; a success closes, a failure re-opens. Default: 1. */
  halfOpenMaxCalls?: number;
  /** Calls in the window before the failure rate may open the breaker. Default: 3. */
  minimumCalls?: number;
  /** Per-attempt timeout; the attempt's AbortSignal fires when it passes. */
  timeoutMs?: number;
  /** Retries of retryable errors (a number is `{ max }`). Default: none. */
  retries?: number | RetryPolicy;
  /** Start a second attempt when the first has not answered after this long; `'p95'` = observed p95 latency. */
  hedgeAfterMs?: number | 'p95';
  /** Hedges allowed as a share of calls in the window. Default: 0.1 (10% extra load at most). */
  hedgeBudget?: number;
  /** Answer used instead of an error (breaker open or the call failed). */
  fallback?: (error: unknown) => unknown;
}

/** {@link ResiliencePolicy} with defaults applied. */
export interface ResolvedResiliencePolicy {
  enabled: boolean;
  failureRateThreshold: number;
  windowMs: number;
  openDurationMs: number;
  halfOpenMaxCalls: number;
  minimumCalls: number;
  timeoutMs?: number;
  retries: Required<RetryPolicy>;
  hedgeAfterMs?: number | 'p95';
  hedgeBudget: number;
  fallback?: (error: unknown) => unknown;
}

const positiveInt = (v: unknown) => Number.isInteger(v) && (v as number) > 0;

/** Applies defaults and throws one error naming every bad field (so bad decorators fail at start-up). */
export function resolvePolicy(policy: ResiliencePolicy = {}, label = '@Resilience'): ResolvedResiliencePolicy {
  const problems: string[] = [];
  const resolved: ResolvedResiliencePolicy = {
    enabled: policy.enabled ?? true,
    failureRateThreshold: policy.failureRateThreshold ?? 0.5,
    windowMs: policy.windowMs ?? 30_000,
    openDurationMs: policy.openDurationMs ?? 20_000,
    halfOpenMaxCalls: policy.halfOpenMaxCalls ?? 1,
    minimumCalls: policy.minimumCalls ?? 3,
    timeoutMs: policy.timeoutMs,
    retries: {
      max: 0,
      baseDelayMs: 100,
      maxDelayMs: 2_000,
      ...(typeof policy.retries === 'number' ? { max: policy.retries } : (policy.retries ?? {})),
    },
    hedgeAfterMs: policy.hedgeAfterMs,
    hedgeBudget: policy.hedgeBudget ?? 0.1,
    fallback: policy.fallback,
  };
  if (!(resolved.failureRateThreshold > 0 && resolved.failureRateThreshold <= 1)) problems.push('failureRateThreshold must be in (0, 1]');
  for (const field of ['windowMs', 'openDurationMs', 'halfOpenMaxCalls', 'minimumCalls'] as const) {
    if (!positiveInt(resolved[field])) problems.push(`${field} must be a positive integer`);
  }
  if (resolved.timeoutMs !== undefined && !positiveInt(resolved.timeoutMs)) problems.push('timeoutMs must be a positive integer');
  if (!Number.isInteger(resolved.retries.max) || resolved.retries.max < 0) problems.push('retries must be an integer ≥ 0');
  if (!positiveInt(resolved.retries.baseDelayMs) || !positiveInt(resolved.retries.maxDelayMs))
    problems.push('retry delays must be positive integers');
  if (resolved.hedgeAfterMs !== undefined && resolved.hedgeAfterMs !== 'p95' && !positiveInt(resolved.hedgeAfterMs)) {
    problems.push("hedgeAfterMs must be a positive integer or 'p95'");
  }
  if (!(resolved.hedgeBudget > 0 && resolved.hedgeBudget <= 1)) problems.push('hedgeBudget must be in (0, 1]');
  if (resolved.fallback !== undefined && typeof resolved.fallback !== 'function') problems.push('fallback must be a function');
  if (problems.length > 0) throw new Error(`${label}: ${problems.join('; ')}`);
  return resolved;
}
