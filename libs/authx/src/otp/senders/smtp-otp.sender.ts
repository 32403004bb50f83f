import { createTransport, type Transporter } from 'nodemailer';
import { OtpSender, type OtpMessage } from '../otp-sender';

/** Sends email codes over SMTP (nodemailer), e.g. `SMTP_URL=smtps://user:pass@smtp.example.com`. */
export class SmtpOtpSender extends OtpSender {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    super();
    this.transport = createTransport(smtpUrl);
  }

  async send(m: OtpMessage): Promise<void> {
    const minutes = Math.max(1, Math.round(m.expiresInSec / 60));
    await this.transport.sendMail({
      from: this.from,
      to: m.to,
      subject: 'Your MikasMissions sign-in code',
      text: `Your sign-in code is ${m.code}. It expires in ${minutes} minute(s). If you did not ask for it, ignore this email.`,
    });
  }
}
