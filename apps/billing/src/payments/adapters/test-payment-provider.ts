import { uuidv7 } from 'uuidv7';
import { PaymentDeclinedError, PaymentUnavailableError } from '../payment.errors';
import { PaymentProvider, type Charge, type ChargeRequest } from '../payment-provider';

/** What the test provider does with a charge. */
export type TestPaymentOutcome = 'approve' | 'decline' | 'fail';

/**
 * A provider for dev and tests (`PAYMENT_PROVIDER=test`): approves, declines or fails as told
 * (`PAYMENT_TEST_OUTCOME`, or {@link willRespond} from a test) and keeps every approved charge in
 * {@link charges}, so a test can count them. Moves no money.
 *
 * @example
 * app.get(PaymentProvider).willRespond('decline');
 */
export class TestPaymentProvider extends PaymentProvider {
  /** Approved charges, oldest first. */
  readonly charges: Array<ChargeRequest & Charge> = [];
  /** Every call, approved or not. */
  attempts = 0;
  /** How long each charge takes, in ms (a test widens race windows with it). */
  latencyMs = 0;

  constructor(private outcome: TestPaymentOutcome = 'approve') {
    super();
  }

  /** Sets the outcome of the following charges. */
  willRespond(outcome: TestPaymentOutcome): void {
    this.outcome = outcome;
  }

  async charge(request: ChargeRequest): Promise<Charge> {
    this.attempts += 1;
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    if (this.outcome === 'decline') throw new PaymentDeclinedError();
    if (this.outcome === 'fail') throw new PaymentUnavailableError(new Error('test provider told to fail'));
    const charge = { chargeId: `test_ch_${uuidv7()}` };
    this.charges.push({ ...request, ...charge });
    return charge;
  }
}
