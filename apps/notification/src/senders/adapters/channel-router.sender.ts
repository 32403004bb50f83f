import { NotificationSender, type Channel, type OutgoingMessage } from '../notification-sender';

/** Hands each message to the sender of its channel (SMTP for e-mail, the webhook for SMS, …). */
export class ChannelRouterSender extends NotificationSender {
  constructor(private readonly byChannel: Readonly<Record<Channel, NotificationSender>>) {
    super();
  }

  send(message: OutgoingMessage): Promise<void> {
    return this.byChannel[message.channel].send(message);
  }
}
