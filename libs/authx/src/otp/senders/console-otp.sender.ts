import { OtpSender, type OtpMessage } from '../otp-sender';

/**
 * Dev sender: prints the code to its own output stream (stdout by default) — never to the
 * pino logger, whose lines are shipped elsewhere. Refused in strict/production mode.
 */
export class ConsoleOtpSender extends OtpSender {
  constructor(private readonly out: { write(line: string): unknown } = process.stdout) {
    super();
  }

  async send(m: OtpMessage): Promise<void> {
    this.out.write(
      `[authx:console-sender] ${m.channel} code for ${m.to} (tenant ${m.tenantId}): ${m.code} — expires in ${m.expiresInSec} s\n`,
    );
  }
}
