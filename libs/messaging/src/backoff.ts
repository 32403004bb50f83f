/** How a delay grows: `baseMs · 2^(attempt-1)` capped at `maxMs`, then scaled by a random factor in `jitter`. */
export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
  /** Range of the random multiplier, e.g. `[0.8, 1.2]` (±20 %) or `[1, 1.25]` (up to +25 %). Default: none. */
  jitter?: readonly [number, number];
}

/**
 * The one exponential backoff of the messaging library (relay retries, consumer redelivery,
 * reconnects), so every loop grows, caps and spreads its delays the same way.
 *
 * @example
 * backoffMs(3, { baseMs: 100, maxMs: 5_000, jitter: [0.8, 1.2] }); // 320–480
 */
export function backoffMs(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const delay = Math.min(policy.baseMs * 2 ** Math.max(0, attempt - 1), policy.maxMs);
  const [low, high] = policy.jitter ?? [1, 1];
  return Math.round(delay * (low + (high - low) * random()));
}
