import { PlatformError } from '@mikasmissions/http';
import { OtpSender, type OtpMessage } from '../otp-sender';

/** 503 when no sender is configured for a channel (e.g. email in production without SMTP_URL). */
export class OtpChannelUnavailableError extends PlatformError {
  constructor(channel: string) {
    super(503, 'otp_channel_unavailable', `${channel} codes cannot be delivered: no sender is configured`);
  }
}

/** Picks the sender per channel; a channel without one fails with {@link OtpChannelUnavailableError}. */
export class RoutingOtpSender extends OtpSender {
  constructor(private readonly senders: Partial<Record<OtpMessage['channel'], OtpSender>>) {
    super();
  }

  async send(m: OtpMessage): Promise<void> {
    const sender = this.senders[m.channel];
    if (!sender) throw new OtpChannelUnavailableError(m.channel);
    await sender.send(m);
  }
}
