import { OtpSender, type OtpMessage } from '../otp-sender';

/** Thrown when the SMS provider does not accept the message. */
export class SmsWebhookError extends Error {}

/**
 * Sends SMS codes by POSTing `{ to, message }` (JSON, optional bearer token) to an SMS
 * provider's webhook (`SMS_WEBHOOK_URL`, `SMS_WEBHOOK_TOKEN`).
 */
export class SmsWebhookOtpSender extends OtpSender {
  constructor(
    private readonly url: string,
    private readonly token?: string,
    private readonly fetchImpl: typeof fetch = fetch,
  ) {
    super();
  }

  async send(m: OtpMessage): Promise<void> {
    const res = await this.fetchImpl(this.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(this.token ? { authorization: `Bearer ${this.token}` } : {}) },
      body: JSON.stringify({ to: m.to, message: `MikasMissions code: ${m.code}`, tenantId: m.tenantId }),
      signal: AbortSignal.timeout(5_000),
    });
    if (!res.ok) throw new SmsWebhookError(`SMS webhook answered ${res.status}`);
  }
}
