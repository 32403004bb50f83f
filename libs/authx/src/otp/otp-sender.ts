/** One code to deliver. Never logged: only the sender sees `code`. */
export interface OtpMessage {
  channel: 'email' | 'sms';
  to: string;
  code: string;
  expiresInSec: number;
  tenantId: string;
}

/**
 * Port: delivers OTP codes. Adapters: console (dev), SMTP (nodemailer), SMS webhook,
 * capturing (tests). Senders must never pass the code to the application logger.
 */
export abstract class OtpSender {
  abstract send(message: OtpMessage): Promise<void>;
}
