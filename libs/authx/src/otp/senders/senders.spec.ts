import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from 'node:net';
import { ConsoleOtpSender } from './console-otp.sender';
import { RoutingOtpSender } from './routing-otp.sender';
import { SmsWebhookError, SmsWebhookOtpSender } from './sms-webhook-otp.sender';
import { SmtpOtpSender } from './smtp-otp.sender';

const message = { channel: 'email' as const, to: 'parent@example.com', code: '493817', expiresInSec: 300, tenantId: 'default' };

/** A minimal SMTP server that records what it receives. */
function fakeSmtp(): Promise<{ server: TcpServer; port: number; mails: string[] }> {
  const mails: string[] = [];
  const server = createTcpServer((socket) => {
    let data = false;
    let buffer = '';
    socket.write('220 fake ESMTP\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString();
      if (data) {
        const end = buffer.indexOf('\r\n.\r\n');
        if (end < 0) return;
        mails.push(buffer.slice(0, end));
        buffer = buffer.slice(end + 5);
        data = false;
        socket.write('250 queued\r\n');
      }
      let nl: number;
      while (!data && (nl = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, nl).toUpperCase();
        buffer = buffer.slice(nl + 2);
        if (line.startsWith('EHLO') || line.startsWith('HELO')) socket.write('250 fake\r\n');
        else if (line.startsWith('DATA')) {
          data = true;
          socket.write('354 go\r\n');
        } else if (line.startsWith('QUIT')) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, port: (server.address() as AddressInfo).port, mails })),
  );
}

describe('OTP senders', () => {
  it('SMTP: delivers the code by email through nodemailer', async () => {
    const smtp = await fakeSmtp();
    try {
      await new SmtpOtpSender(`smtp://127.0.0.1:${smtp.port}?ignoreTLS=true`, 'MikasMissions <no-reply@example.com>').send(message);
      expect(smtp.mails).toHaveLength(1);
      expect(smtp.mails[0]).toContain('To: parent@example.com');
      expect(smtp.mails[0]).toContain('493817');
    } finally {
      smtp.server.close();
    }
  });

  describe('SMS webhook', () => {
    let server: HttpServer;
    let url: string;
    const received: Array<{ auth?: string; body: unknown }> = [];
    let status = 202;
    beforeAll(async () => {
      server = createHttpServer((req, res) => {
        let body = '';
        req.on('data', (c) => (body += c));
        req.on('end', () => {
          received.push({ auth: req.headers.authorization, body: JSON.parse(body) });
          res.statusCode = status;
          res.end();
        });
      });
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`;
    });
    afterAll(() => new Promise<void>((r) => server.close(() => r())));

    it('POSTs { to, message } with the bearer token, and fails on a provider error', async () => {
      const sender = new SmsWebhookOtpSender(url, 'provider-token');
      await sender.send({ ...message, channel: 'sms', to: '+491701234567' });
      expect(received[0]).toEqual({
        auth: 'Bearer provider-token',
        body: { to: '+491701234567', message: 'MikasMissions code: 493817', tenantId: 'default' },
      });
      status = 500;
      await expect(sender.send({ ...message, channel: 'sms' })).rejects.toBeInstanceOf(SmsWebhookError);
    });
  });

  it('console: writes the code to its own stream only', async () => {
    const lines: string[] = [];
    await new ConsoleOtpSender({ write: (l: string) => lines.push(l) }).send(message);
    expect(lines.join('')).toContain('493817');
  });

  it('routing: a channel without a sender is 503 otp_channel_unavailable', async () => {
    await expect(new RoutingOtpSender({}).send(message)).rejects.toMatchObject({ status: 503, code: 'otp_channel_unavailable' });
  });
});
