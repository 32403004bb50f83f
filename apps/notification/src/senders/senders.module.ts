import { Logger, Module } from '@nestjs/common';
import { AppConfig, UsesConfig } from '@mikasmissions/config';
import { notificationConfig } from '../notification.config';
import { CaptureSender } from './adapters/capture.sender';
import { ChannelRouterSender } from './adapters/channel-router.sender';
import { ConsoleSender } from './adapters/console.sender';
import { SmtpEmailSender } from './adapters/smtp-email.sender';
import { WebhookSmsSender } from './adapters/webhook-sms.sender';
import { NotificationSender } from './notification-sender';

/** Picks the senders from env: e-mail over SMTP, SMS over the webhook, the console in dev, the capture sender in tests. */
export function createSender(config: AppConfig): NotificationSender {
  const env = config.slice(notificationConfig);
  if (env.NOTIFICATION_SENDER === 'capture') {
    if (config.persistence.strict) throw new Error('NOTIFICATION_SENDER=capture is for tests; strict mode refuses it');
    return new CaptureSender();
  }
  const console = new ConsoleSender();
  const auto = env.NOTIFICATION_SENDER === 'auto';
  if (config.persistence.strict && !(auto && env.NOTIFICATION_SMTP_URL)) {
    new Logger('NotificationSenders').warn(
      'no NOTIFICATION_SMTP_URL (or NOTIFICATION_SENDER=console): e-mails are printed to stdout, not sent',
    );
  }
  return new ChannelRouterSender({
    email: auto && env.NOTIFICATION_SMTP_URL ? new SmtpEmailSender(env.NOTIFICATION_SMTP_URL, env.NOTIFICATION_EMAIL_FROM) : console,
    sms:
      auto && env.NOTIFICATION_SMS_WEBHOOK_URL
        ? new WebhookSmsSender(env.NOTIFICATION_SMS_WEBHOOK_URL, env.NOTIFICATION_SMS_WEBHOOK_TOKEN)
        : console,
  });
}

/** The {@link NotificationSender} of this process ({@link createSender}). */
@UsesConfig(notificationConfig)
@Module({
  providers: [{ provide: NotificationSender, inject: [AppConfig], useFactory: createSender }],
  exports: [NotificationSender],
})
export class SendersModule {}
