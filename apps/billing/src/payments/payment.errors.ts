import { PlatformError, StoreUnavailableError } from '@mikasmissions/http';

/** 402 `payment_declined`: the provider refused the charge; nothing was stored. */
export class PaymentDeclinedError extends PlatformError {
  constructor() {
    super(402, 'payment_declined', 'the payment was declined; nothing was charged or stored');
  }
}

/** 503 `payment_unavailable` + `Retry-After`: the provider could not be reached or failed; nothing was stored. */
export class PaymentUnavailableError extends StoreUnavailableError {
  constructor(cause?: unknown) {
    super('payment_unavailable', 'the payment provider is unavailable; nothing was stored, retry shortly', { retryAfterSec: 5, cause });
  }
}
