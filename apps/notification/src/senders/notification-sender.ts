/** The channels notification sends on. */
export type Channel = 'email' | 'sms';

/** One message to one address. The text never names a child. */
export interface OutgoingMessage {
  channel: Channel;
  /** An e-mail address or an E.164 number. */
  to: string;
  subject: string;
  text: string;
}

/** Port: hands a message to a provider. Resolves once the provider accepted it; throws when it did not (the dispatcher retries). */
export abstract class NotificationSender {
  abstract send(message: OutgoingMessage): Promise<void>;
}

/** Thrown by a sender whose provider refused or could not take the message. */
export class SendFailedError extends Error {
  override readonly name = 'SendFailedError';
}
