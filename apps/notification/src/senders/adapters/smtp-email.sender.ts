import { createTransport, type Transporter } from 'nodemailer';
import { NotificationSender, type OutgoingMessage } from '../notification-sender';

/** E-mail over SMTP with nodemailer (`NOTIFICATION_SMTP_URL`, e.g. `smtps://user:pass@smtp.example.com`). */
export class SmtpEmailSender extends NotificationSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transport = createTransport(smtpUrl);
  }

  async send(message: OutgoingMessage): Promise<void> {
    await this.transport.sendMail({ from: this.from, to: message.to, subject: message.subject, text: message.text });
  }

  /** Closes the pooled connections (shutdown). */
  close(): void {
    this.transport.close();
  }
}
