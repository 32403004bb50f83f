import { NotificationSender, SendFailedError, type OutgoingMessage } from '../notification-sender';

/** Test sender: keeps every accepted message; can be told to fail. */
export class CaptureSender extends NotificationSender {
  /** What was accepted, in order. */
  readonly sent: OutgoingMessage[] = [];
  /** Every call, accepted or not. */
  attempts = 0;
  private failures = 0;

  /** The next `n` sends throw (`Infinity`: every send). */
  failNext(n: number): void {
    this.failures = n;
  }

  async send(message: OutgoingMessage): Promise<void> {
    this.attempts += 1;
    if (this.failures > 0) {
      this.failures -= 1;
      throw new SendFailedError('capture sender told to fail');
    }
    this.sent.push({ ...message });
  }

  /** The messages sent to `to`. */
  to(to: string): OutgoingMessage[] {
    return this.sent.filter((m) => m.to === to);
  }
}
