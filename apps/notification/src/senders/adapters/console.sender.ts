import { maskAddress } from '../masked-address';
import { NotificationSender, type OutgoingMessage } from '../notification-sender';

/**
 * Dev sender: prints each message to its own stream (stdout by default), the address masked,
 * never through the pino logger.
 */
export class ConsoleSender extends NotificationSender {
  constructor(private readonly out: { write(line: string): unknown } = process.stdout) {
    super();
  }

  async send(message: OutgoingMessage): Promise<void> {
    const body = message.text.replace(/\n/g, '\n    ');
    this.out.write(`[notification:console-sender] ${message.channel} to ${maskAddress(message.to)}: ${message.subject}\n    ${body}\n`);
  }
}
