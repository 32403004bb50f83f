import { OtpSender, type OtpMessage } from '../otp-sender';

/**
 * Test sender: keeps every message so a test can read the code it "received".
 *
 * @example
 * const sender = new CapturingOtpSender();
 * AuthxModule.forRoot({ sender });
 * sender.lastCodeFor('a@example.com'); // '123456'
 */
export class CapturingOtpSender extends OtpSender {
  readonly messages: OtpMessage[] = [];

  async send(message: OtpMessage): Promise<void> {
    this.messages.push({ ...message });
  }

  /** The newest code sent to `to`, if any. */
  lastCodeFor(to: string): string | undefined {
    return [...this.messages].reverse().find((m) => m.to === to)?.code;
  }
}
