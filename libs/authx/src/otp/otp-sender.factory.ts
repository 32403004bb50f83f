import { Logger } from '@nestjs/common';
import type { AppConfig } from '@mikasmissions/config';
import type { DeliveryEnv } from '../authx.options';
import type { OtpSender } from './otp-sender';
import { CapturingOtpSender } from './senders/capturing-otp.sender';
import { ConsoleOtpSender } from './senders/console-otp.sender';
import { RoutingOtpSender } from './senders/routing-otp.sender';
import { SmsWebhookOtpSender } from './senders/sms-webhook-otp.sender';
import { SmtpOtpSender } from './senders/smtp-otp.sender';

/**
 * The sender per channel from env: email → SMTP when `SMTP_URL` is set, SMS → webhook when
 * `SMS_WEBHOOK_URL` is set; otherwise the console sender in development/test, and no sender
 * (503 `OTP_CHANNEL_UNAVAILABLE`) in strict/production. `OTP_SENDER=capture` keeps codes in
 * memory for tests (not in strict mode).
 */
export function createOtpSender(config: AppConfig, delivery: DeliveryEnv, mode: string | undefined): OtpSender {
  if (mode === 'capture' && !config.persistence.strict) return new CapturingOtpSender();
  const fallback = config.persistence.strict ? undefined : new ConsoleOtpSender();
  const email = delivery.smtpUrl ? new SmtpOtpSender(delivery.smtpUrl, delivery.emailFrom) : fallback;
  const sms = delivery.smsWebhookUrl ? new SmsWebhookOtpSender(delivery.smsWebhookUrl, delivery.smsWebhookToken) : fallback;
  if (!email || !sms)
    new Logger('Authx').warn(
      `OTP delivery: ${!email ? 'email (set SMTP_URL) ' : ''}${!sms ? 'sms (set SMS_WEBHOOK_URL)' : ''} not configured`,
    );
  return new RoutingOtpSender({ email, sms });
}
