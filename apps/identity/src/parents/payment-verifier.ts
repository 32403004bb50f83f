/**
 * Port: a payment provider that verifies a parent by a small card charge (COPPA's "card"
 * method). No adapter ships yet: without one bound to {@link PAYMENT_VERIFIER}, `card` answers
 * 422 `consent_method_unavailable`.
 */
export abstract class PaymentVerifier {
  /** Whether `challenge` (the provider's confirmation) proves the parent holds the card. */
  abstract confirm(parentUserId: string, challenge: string): Promise<boolean>;
}

/** DI token of the configured {@link PaymentVerifier}, or `null`. */
export const PAYMENT_VERIFIER = Symbol.for('mikasmissions.identity.payment-verifier');
