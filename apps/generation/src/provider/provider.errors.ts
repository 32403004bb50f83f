import { PlatformError } from '@mikasmissions/http';
import { markRetryable } from '@mikasmissions/resilience';

/** The provider refused the request (a 4xx): final, not retried, not a breaker failure. Run code `nim_provider_rejected`. */
export class NimProviderRejectedError extends PlatformError {
  constructor(status: number, reason: string) {
    super(422, 'nim_provider_rejected', `the provider answered ${status}: ${reason}`.slice(0, 300), { status });
  }
}

/** The provider failed (a 5xx, a dropped connection): retried with backoff, counts against the breaker. Run code `nim_provider_error`. */
export class NimProviderError extends PlatformError {
  constructor(message: string, retryable = true) {
    super(502, 'nim_provider_error', message.slice(0, 300));
    if (retryable) markRetryable(this);
  }
}

/** The provider's answer names another safety preset than the one sent. Run code `nim_safety_mismatch`. */
export class NimSafetyMismatchError extends PlatformError {
  constructor(sent: string, answered: string) {
    super(
      422,
      'nim_safety_mismatch',
      `sent safety_preset ${JSON.stringify(sent)}, the answer says ${JSON.stringify(answered.slice(0, 64))}`,
    );
  }
}
