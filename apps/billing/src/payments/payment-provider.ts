/** What billing asks the provider to charge: an amount for a plan, referenced by the subscription it pays for. Never card data. */
export interface ChargeRequest {
  /** The subscription id the charge pays for (the provider's idempotency reference). */
  reference: string;
  parentUserId: string;
  plan: string;
  amountCents: number;
  currency: string;
}

/** An approved charge: the provider's id for it, the only payment data billing stores. */
export interface Charge {
  chargeId: string;
}

/**
 * Port: takes money. `charge` resolves when approved, throws `PaymentDeclinedError` (402) when
 * the provider refuses and `PaymentUnavailableError` (503) when it cannot be reached or fails.
 * Adapters: the test provider (`PAYMENT_PROVIDER=test`); a real one is not written yet.
 */
export abstract class PaymentProvider {
  /** Charges once; see the class for the outcomes. */
  abstract charge(request: ChargeRequest): Promise<Charge>;
}
