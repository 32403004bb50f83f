import { AsyncLocalStorage } from 'node:async_hooks';
import { createLateParamDecorator } from '@mikasmissions/http';

const attempts = new AsyncLocalStorage<AbortSignal>();

/** Runs `fn` as one attempt whose AbortSignal handlers and code can read. */
export function runAttempt<T>(signal: AbortSignal, fn: () => T): T {
  return attempts.run(signal, fn);
}

/** The AbortSignal of the attempt running now (aborted when a hedge wins or a timeout passes). */
export function currentAttemptSignal(): AbortSignal | undefined {
  return attempts.getStore();
}

/**
 * Injects the current attempt's AbortSignal into a `@Resilience` handler: it fires when the
 * attempt timed out or lost a hedge race, so the handler can stop its work.
 *
 * @example
 * @Resilience({ hedgeAfterMs: 'p95' })
 * @Get('quote')
 * quote(@AttemptSignal() signal: AbortSignal) { return fetch(url, { signal }); }
 */
export const AttemptSignal = createLateParamDecorator(() => currentAttemptSignal() ?? new AbortController().signal);
