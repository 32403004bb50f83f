import { NotificationSender, SendFailedError, type OutgoingMessage } from '../notification-sender';

/**
 * SMS through a provider's webhook: POSTs `{ to, message }` as JSON (bearer
 * `NOTIFICATION_SMS_WEBHOOK_TOKEN` when set) to `NOTIFICATION_SMS_WEBHOOK_URL`; any non-2xx,
 * timeout or refused connection is a failure.
 */
export class WebhookSmsSender extends NotificationSender {
  constructor(
    private readonly url: string,
    private readonly token?: string,
    private readonly timeoutMs = 5_000,
  ) {
    super();
  }

  async send(message: OutgoingMessage): Promise<void> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
        body: JSON.stringify({ to: message.to, message: `${message.subject}\n${message.text}` }),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new SendFailedError(`SMS webhook unreachable: ${(error as Error).name}`);
    }
    await res.arrayBuffer().catch(() => undefined);
    if (!res.ok) throw new SendFailedError(`SMS webhook answered ${res.status}`);
  }
}
